package org.privacyplatform.portal.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Every purpose of the catalogue, page by page (GET /purposes pages hold at most 500), read afresh each time: the
 * centre shows, and records a choice on, the notice in force, which may have been published a moment ago through the
 * console or straight through the consent API. Only the banner keeps a copy for a minute (BannerPurposes).
 */
@ApplicationScoped
public class Purposes {

    private static final Paging PAGING = new Paging(500, 20);

    private final PublicConsentApi consent;

    public Purposes(@RestClient PublicConsentApi consent) {
        this.consent = consent;
    }

    public List<Purpose> all() {
        return PAGING.all(consent::purposes);
    }
}
