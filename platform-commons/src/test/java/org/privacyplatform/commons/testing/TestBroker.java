package org.privacyplatform.commons.testing;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The real Kafka broker the tests run against (started by {@code ./platform test}). Every client
 * authenticates: the tests' probes as the {@code operator} principal, which reads and writes every topic
 * (the tests forge other services' events with it), the services as themselves.
 */
public final class TestBroker {

    /** The principal of people and tools. */
    public static final String OPERATOR = "operator";

    private TestBroker() {
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** A companion authenticated as the operator. */
    public static KafkaCompanion companion() {
        return companionAs(OPERATOR);
    }

    /** A companion authenticated as this principal, with its LOCAL DEVELOPMENT password. */
    public static KafkaCompanion companionAs(String principal) {
        KafkaCompanion companion = new KafkaCompanion(bootstrapServers());
        companion.setCommonClientConfig(clientConfig(principal));
        return companion;
    }

    /** Client settings (bootstrap servers and SASL/SCRAM) of this principal, for a plain Kafka client. */
    public static Map<String, Object> clientConfig(String principal) {
        return clientConfig(principal, localPassword(principal));
    }

    public static Map<String, Object> clientConfig(String principal, String password) {
        return Map.of("bootstrap.servers", bootstrapServers(),
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + principal + "\" password=\"" + password + "\";");
    }

    /**
     * LOCAL DEVELOPMENT ONLY: the password {@code ./platform} formats the local and the tests' brokers with
     * (and the services' {@code %local}/{@code %test} profiles use).
     */
    public static String localPassword(String principal) {
        return principal + "-local-dev-password";
    }
}
