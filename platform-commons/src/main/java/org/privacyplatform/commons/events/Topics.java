package org.privacyplatform.commons.events;

/** The platform's Kafka topics, fixed by the public contract (ARCHITECTURE.md). */
public final class Topics {

    public static final String CONSENT = "consent.events";
    public static final String RIGHTS = "rights.events";
    public static final String RETENTION = "retention.events";

    /** Suffix of the dead-letter topic beside each topic: what a consumer cannot process lands there. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /**
     * The one service that writes {@code topic}, or empty for a topic that is not the platform's. Its events carry
     * {@code ce_source} = {@code /<owner>}; consumers refuse any other source.
     */
    public static java.util.Optional<String> owner(String topic) {
        return java.util.Optional.ofNullable(switch (topic) {
            case CONSENT -> "consent-service";
            case RIGHTS -> "rights-request-service";
            case RETENTION -> "retention-service";
            default -> null;
        });
    }
}
