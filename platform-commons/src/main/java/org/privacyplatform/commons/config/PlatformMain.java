package org.privacyplatform.commons.config;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point of every service: before Quarkus starts anything (datasource, Kafka clients, OIDC), a
 * production start without its secrets is refused with one message naming each ({@link ProductionSettings}).
 */
@QuarkusMain
public final class PlatformMain {

    private PlatformMain() {
    }

    public static void main(String... args) {
        ProductionSettings.requireOrExit();
        Quarkus.run(args);
    }
}
