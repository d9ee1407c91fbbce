package org.privacyplatform.consent.service;

/**
 * Fired, inside the transaction that changed it, when something the privacy notice shows may have changed (the
 * catalogue, a purpose, a retention rule): the notice service publishes a new version if the notice now differs.
 */
public record NoticeInputsChanged(String what) {
}
