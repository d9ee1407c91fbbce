package org.privacyplatform.portal.api;

/** The body of PUT /subjects/{id}/consents/{purposeId}: a choice made in the privacy centre (source web). */
public record ConsentBody(boolean granted, String noticeVersion, String source) {

    public static ConsentBody web(boolean granted, String noticeVersion) {
        return new ConsentBody(granted, noticeVersion, "web");
    }
}
