package org.privacyplatform.rights.rest;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.commons.paging.Paged;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.rights.Recipient;
import org.privacyplatform.rights.rest.RequestBodies.RecipientBody;
import org.privacyplatform.rights.service.RecipientService;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

@Path("/recipients")
@Tag(name = "Recipients", description = "Who must hear of a rectification, erasure or restriction (Art. 19)")
@RolesAllowed(Roles.DPO)
public class RecipientResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecipientView(String id, String name, String kind, List<String> appliesTo, String channel,
            boolean active, String reportedBy) {
        static RecipientView of(Recipient r) {
            return new RecipientView(r.id, r.name, r.kind, List.of(r.appliesTo.split(",")), r.channel, r.active,
                    r.reportedBy);
        }
    }

    private final RecipientService recipients;

    public RecipientResource(RecipientService recipients) {
        this.recipients = recipients;
    }

    @GET
    @Operation(summary = "Every recipient, active or not, by id. Paged (page from 0, size 1-500, default 100); a Link rel=\"next\" header names the next page")
    public RestResponse<List<RecipientView>> listRecipients(@RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        PageRequest pageRequest = PageRequest.of(page, size);
        return Paged.of(recipients.list(pageRequest).stream().map(RecipientView::of).toList(), pageRequest, uri);
    }

    @PUT
    @Operation(summary = "Replace the list; recipients left out are deactivated (outcomes keep referring to them)")
    public List<RecipientView> replaceRecipients(@Valid @NotNull @Size(max = 500) List<@Valid RecipientBody> body) {
        return recipients.replace(body.stream().map(b -> new RecipientService.RecipientChange(b.id(), b.name(), b.kind(),
                b.appliesTo(), b.channel() == null ? "REST" : b.channel(), !Boolean.FALSE.equals(b.active()), b.reportedBy()))
                .toList()).stream().map(RecipientView::of).toList();
    }
}
