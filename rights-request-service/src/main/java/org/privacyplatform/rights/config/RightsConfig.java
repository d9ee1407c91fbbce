package org.privacyplatform.rights.config;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rights")
public interface RightsConfig {

    /** Where a subject may complain (Art. 12(4), 77): told with every answer that does not grant a request in full. */
    SupervisoryAuthority supervisoryAuthority();

    Export export();

    interface SupervisoryAuthority {
        @WithDefault("Commission Nationale de l'Informatique et des Libertés (CNIL)")
        String name();

        @WithDefault("https://www.cnil.fr/en/contact-cnil")
        String url();
    }

    interface Export {
        /** Art. 15(3): the fee for each copy after the first, which is free. */
        @WithDefault("10.00")
        BigDecimal feePerAdditionalCopy();

        @WithDefault("EUR")
        String currency();

        /**
         * A download of the same request retried by the same caller within this window (from the copy's production) is the
         * same copy: not counted again, no fee again.
         */
        @WithDefault("PT10M")
        java.time.Duration retryWindow();
    }
}
