package org.privacyplatform.portal.console.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.privacyplatform.portal.api.PersonsToken;

/** rights-request-service's recipients (Art. 19), typed for the console; requests go through RightsApi. */
@RegisterRestClient(configKey = "rights")
@RegisterProvider(PersonsToken.class)
@Path("/recipients")
public interface ConsoleRightsApi {

    @GET
    List<Recipient> recipients(@QueryParam("page") int page, @QueryParam("size") int size);

    /** Replaces the whole list: a recipient left out is deactivated. */
    @PUT
    List<Recipient> replace(List<Map<String, Object>> recipients);
}
