package org.privacyplatform.consent.rest;

import java.time.OffsetDateTime;

import org.privacyplatform.consent.Catalogue;
import org.privacyplatform.consent.service.CatalogueService;

/** A state of the catalogue: its version, the SHA-256 CatalogueChanged carries, who changed it and when. */
public record CatalogueResponse(int version, String hash, String actor, OffsetDateTime changedAt, Boolean changed,
        Catalogue catalogue) {

    static CatalogueResponse of(CatalogueService.Stored stored, Boolean changed) {
        return new CatalogueResponse(stored.version(), stored.hash(), stored.actor(), stored.changedAt(), changed,
                stored.catalogue());
    }
}
