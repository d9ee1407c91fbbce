package org.privacyplatform.portal.console.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.privacyplatform.portal.api.PersonsToken;
import org.privacyplatform.portal.api.Request;

/** rights-request-service's recipients (Art. 19), typed for the console, and what RightsApi does not carry. */
@RegisterRestClient(configKey = "rights")
@RegisterProvider(PersonsToken.class)
public interface ConsoleRightsApi {

    @GET
    @Path("/recipients")
    List<Recipient> recipients(@QueryParam("page") int page, @QueryParam("size") int size);

    /** Replaces the whole list: a recipient left out is deactivated. */
    @PUT
    @Path("/recipients")
    List<Recipient> replace(List<Map<String, Object>> recipients);

    /** Upholds an objection after review (Art. 21(1)): {"purposeIds"?, "note"?}; the consent service stops them. */
    @POST
    @Path("/requests/{id}/uphold-objection")
    Request upholdObjection(@PathParam("id") String id, Map<String, Object> body);
}
