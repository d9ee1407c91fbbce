package org.privacyplatform.consent.service;

/** Fired when the catalogue changes; observed after commit to reload it. */
public record PurposesChanged(String purposeId) {
}
