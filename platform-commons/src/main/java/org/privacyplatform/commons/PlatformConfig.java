package org.privacyplatform.commons;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings shared by every service (defaults in platform-commons' META-INF/microprofile-config.properties). */
@ConfigMapping(prefix = "privacy")
public interface PlatformConfig {

    Events events();

    Outbox outbox();

    Schema schema();

    Kafka kafka();

    Production production();

    Pseudonym pseudonym();

    interface Pseudonym {
        /**
         * Key of the platform pseudonym (HMAC-SHA-256, {@link org.privacyplatform.commons.privacy.Pseudonyms}):
         * {@code PRIVACY_PSEUDONYM_KEY} in production, secret, the same for every service, and stable for the
         * platform's life; a LOCAL DEVELOPMENT value in the local and test profiles.
         */
        String key();
    }

    interface Events {
        /** {@code ce_source} of what this service emits, e.g. {@code /consent-service}. */
        String source();
    }

    interface Outbox {
        /** Whether this instance runs the relay; several instances may, only one publishes at a time. */
        @WithDefault("true")
        boolean relayEnabled();

        /** Events published per relay transaction. */
        @WithDefault("200")
        int batchSize();

        /** How often the relay looks for events when nothing woke it (a commit normally does). */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** How long the relay waits for the broker to acknowledge a batch before it tries again. */
        @WithDefault("PT30S")
        Duration sendTimeout();

        /**
         * How long published (or refused) outbox rows and processed-event rows are kept ({@code
         * PRIVACY_OUTBOX_PURGE_AFTER}): they hold subject ids and payloads, so they go once nothing can need them.
         * The inbox forgets the ids of events processed longer ago than this, so every topic's {@code retention.ms}
         * must be shorter or equal: a record still on a topic is then always younger than its processed-event row.
         */
        @WithDefault("P7D")
        Duration purgeAfter();

        /** How often the purge runs ({@code PRIVACY_OUTBOX_PURGE_EVERY}; {@code off} disables it). */
        @WithDefault("PT1H")
        String purgeEvery();

        /** Rows deleted per statement, so that a purge never holds long locks. */
        @WithDefault("5000")
        int purgeBatchSize();
    }

    /**
     * The service's Kafka principal; {@code kafka.sasl.jaas.config} (every channel's SASL/SCRAM login) is
     * built from these. Bound here so that a service without its password refuses to start and names it.
     */
    interface Kafka {
        /** Defaults to the service's name ({@code quarkus.application.name}). */
        String username();

        /** {@code PRIVACY_KAFKA_PASSWORD} in production; a LOCAL DEVELOPMENT value in the local and test profiles. */
        String password();
    }

    interface Schema {
        /** What the service does with its schema at start-up. */
        @WithDefault("migrate")
        SchemaMode mode();

        /** Tests only: wipe the schema before migrating. */
        @WithDefault("false")
        boolean cleanAtStart();

        /** Wait between migration attempts while the database is unreachable. */
        @WithDefault("PT2S")
        Duration retryInterval();
    }

    interface Production {
        /** The settings every service needs in production: its database login and its Kafka password. */
        List<String> platformSettings();

        /**
         * The settings without which this service refuses to start in production (checked before Quarkus starts,
         * by {@link org.privacyplatform.commons.config.ProductionSettings}).
         */
        List<String> requiredSettings();
    }

    enum SchemaMode {
        /** Migrate at start-up, then serve (the local run, the tests, services whose login owns their schema). */
        MIGRATE,
        /** Migrate as the configured Flyway login, then exit: the step a deployment runs before the service. */
        MIGRATE_ONLY,
        /** Serve once the schema is up to date, checked with the service's own login; never change it. */
        VALIDATE
    }
}
