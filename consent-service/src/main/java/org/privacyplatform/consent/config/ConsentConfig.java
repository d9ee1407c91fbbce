package org.privacyplatform.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "consent")
public interface ConsentConfig {

    Expiry expiry();

    /** How many subjects' consent snapshots the decision API keeps in memory. */
    @WithDefault("200000")
    long decisionCacheSize();

    /**
     * How long a subject's snapshot may serve decisions before it is read again: the bound on how stale another
     * instance's decision can be should an instance die between a commit and its announcement.
     */
    @WithDefault("PT1M")
    java.time.Duration decisionCacheMaxAge();

    CatalogueSettings catalogue();

    Devices devices();

    Suppression suppression();

    /** The marketing suppression list of erased subjects who had objected to direct marketing (Art. 21(3) GDPR). */
    interface Suppression {
        /**
         * How long a pseudonym stays on the list after the objection: at least three years, as the CNIL keeps the
         * information that someone objected to prospecting (référentiel "gestion commerciale").
         */
        @WithDefault("P3Y")
        java.time.Period keepFor();
    }

    /**
     * Bounds of the public device endpoints (the consent banner, no token): each client address and each device may
     * make {@code per-client-address} / {@code per-device} requests per {@code window}, refilled evenly (a token
     * bucket); beyond, 429 with Retry-After. Held in memory per instance, at most {@code tracked-keys} buckets.
     */
    interface Devices {
        @WithDefault("120")
        int perClientAddress();

        @WithDefault("30")
        int perDevice();

        @WithDefault("PT1M")
        java.time.Duration window();

        @WithDefault("100000")
        long trackedKeys();
    }

    interface CatalogueSettings {
        /**
         * A JSON file holding the catalogue written at the first start, when the database holds none: a company's
         * own policy instead of the reference one shipped on the class path. Later changes go through PUT /catalogue.
         */
        java.util.Optional<java.nio.file.Path> seed();
    }

    interface Expiry {
        /** How often the expiry job looks for lapsed grants (read by its {@code @Scheduled}; "off" disables it). */
        @WithDefault("PT1H")
        String every();

        /** How many lapsed grants one expiry transaction handles. */
        @WithDefault("500")
        int batchSize();
    }
}
