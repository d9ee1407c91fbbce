package org.privacyplatform.commons.testing;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The real Kafka broker the tests run against (started by {@code ./platform test}). */
public final class TestBroker {

    private TestBroker() {
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static KafkaCompanion companion() {
        return new KafkaCompanion(bootstrapServers());
    }
}
