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

    interface Expiry {
        /** How often the expiry job looks for lapsed grants (read by its {@code @Scheduled}; "off" disables it). */
        @WithDefault("PT1H")
        String every();

        /** How many lapsed grants one expiry transaction handles. */
        @WithDefault("500")
        int batchSize();
    }
}
