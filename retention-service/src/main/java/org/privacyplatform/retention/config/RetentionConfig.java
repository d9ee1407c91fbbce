package org.privacyplatform.retention.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "retention")
public interface RetentionConfig {

    /** Closing day of the fiscal year, MM-DD (accounting: the fiscal year plus ten years from its closing date). */
    @WithDefault("12-31")
    String fiscalYearEnd();

    Sweep sweep();

    interface Sweep {
        /** How often the sweep runs (read by its {@code @Scheduled}; "off" disables it). */
        @WithDefault("PT1H")
        String every();

        /** Holdings expired per transaction. */
        @WithDefault("5000")
        int batchSize();
    }
}
