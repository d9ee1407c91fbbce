package org.privacyplatform.portal.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Every purpose of the catalogue, page by page (GET /purposes pages hold at most 500). */
@ApplicationScoped
public class Purposes {

    private static final int PAGE = 500;
    /** A bound on the pages read, so that a wrong answer can never loop forever. */
    private static final int MAX_PAGES = 20;

    @RestClient
    PublicConsentApi consent;

    public List<Purpose> all() {
        List<Purpose> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            List<Purpose> some = consent.purposes(page, PAGE);
            all.addAll(some);
            if (some.size() < PAGE) {
                break;
            }
        }
        return all;
    }
}
