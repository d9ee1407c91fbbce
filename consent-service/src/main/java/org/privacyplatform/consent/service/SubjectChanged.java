package org.privacyplatform.consent.service;

/** Fired when a subject's consents or restriction change; observed after commit to refresh the decision cache. */
public record SubjectChanged(String subjectId) {
}
