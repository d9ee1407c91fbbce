package org.privacyplatform.commons.events;

import java.time.OffsetDateTime;

/**
 * The DPO changed the processing catalogue (controller, DPO, and for each purpose its data, subjects, sources,
 * recipients, transfers, retention and security measures); {@code catalogueHash} is the lowercase hex SHA-256 of
 * the catalogue document as the consent service stores it ({@code GET /catalogue/versions/{version}}).
 */
public record CatalogueChanged(int catalogueVersion, String catalogueHash, String actor, OffsetDateTime changedAt) {
}
