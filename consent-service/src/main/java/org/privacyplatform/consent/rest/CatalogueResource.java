package org.privacyplatform.consent.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.privacyplatform.commons.security.Caller;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.consent.Catalogue;
import org.privacyplatform.consent.service.CatalogueService;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * The DPO's processing catalogue: controller, DPO, and per purpose its data, subjects, sources, recipients, transfers,
 * retention rules and security measures. The privacy notice and the Art. 30 record are generated from it.
 */
@Path("/catalogue")
@Tag(name = "Catalogue", description = "What the privacy notice and the record of processing are generated from")
public class CatalogueResource {

    private final CatalogueService catalogues;
    private final Caller caller;

    public CatalogueResource(CatalogueService catalogues, Caller caller) {
        this.catalogues = catalogues;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.DPO, Roles.AUDITOR })
    @Operation(summary = "The catalogue now, with its version and hash")
    public CatalogueResponse getCatalogue() {
        return CatalogueResponse.of(catalogues.current(), null);
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({ Roles.DPO, Roles.AUDITOR })
    @Operation(summary = "One earlier state of the catalogue (each is proven by its CatalogueChanged event)")
    public CatalogueResponse getCatalogueVersion(@PathParam("version") @Min(1) @Max(Integer.MAX_VALUE) int version) {
        return CatalogueResponse.of(catalogues.version(version), null);
    }

    @PUT
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Replace the catalogue: a new version and CatalogueChanged, and a new notice version if the notice changes;"
            + " the same document again changes nothing")
    public CatalogueResponse replaceCatalogue(@Valid @NotNull Catalogue body) {
        CatalogueService.Replaced replaced = catalogues.replace(body, "dpo:" + caller.subject());
        return CatalogueResponse.of(replaced.stored(), replaced.changed());
    }
}
