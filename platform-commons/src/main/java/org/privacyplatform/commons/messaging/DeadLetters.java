package org.privacyplatform.commons.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.privacyplatform.commons.events.Topics;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts records a consumer refuses on their topic's {@code .dlq}, one by one, with the headers SmallRye's own
 * dead-letter queue writes ({@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset},
 * {@code -exception-class-name}) plus {@code dead-letter-consumer}, and the original record's headers, key and
 * value. A value too large to publish again is replaced by its size and SHA-256 (the original stays on its topic
 * until retention). SmallRye's dead-letter queue is not used: in batch consumption it sets aside whole batches,
 * and it cannot shrink a record the broker would refuse.
 */
@ApplicationScoped
public class DeadLetters {

    /** The channel dead letters are sent on; the topic is chosen per record. */
    public static final String CHANNEL = "dead-letters";

    /** Values above this are not copied to the dead-letter topic (the broker's default limit is 1 MiB). */
    static final int MAX_VALUE_CHARS = 256 * 1024;

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** A refused record and why. */
    public record DeadLetter(ConsumerRecord<String, String> record, String reason, Throwable cause) {
    }

    private final MutinyEmitter<String> emitter;
    private final MeterRegistry registry;

    public DeadLetters(@Channel(CHANNEL) MutinyEmitter<String> emitter, MeterRegistry registry) {
        this.emitter = emitter;
        this.registry = registry;
    }

    public void send(String consumer, ConsumerRecord<String, String> record, String reason, Throwable cause) {
        sendAll(consumer, List.of(new DeadLetter(record, reason, cause)));
    }

    /** Sends every refused record and waits until the broker has them all; throws if it has not (retried). */
    public void sendAll(String consumer, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Uni<Void>> acks = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            ConsumerRecord<String, String> record = letter.record();
            // the reason names rules and fields, never the record's values: it may be logged
            LOG.warnf("%s: %s-%d@%d set aside on %s: %s", consumer, record.topic(), record.partition(), record.offset(),
                    Topics.deadLetter(record.topic()), letter.reason());
            registry.counter("privacy.consumer.dead-lettered", "consumer", consumer, "topic", record.topic()).increment();
            acks.add(emitter.sendMessage(message(consumer, letter)));
        }
        Uni.join().all(acks).andFailFast().await().atMost(SEND_TIMEOUT);
    }

    private static Message<String> message(String consumer, DeadLetter letter) {
        ConsumerRecord<String, String> record = letter.record();
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        String value = record.value();
        if (value != null && value.length() > MAX_VALUE_CHARS) {
            header(headers, "dead-letter-value-omitted", value.length() + " characters, sha256 " + sha256(value));
            value = "";
        }
        header(headers, "dead-letter-reason", letter.reason());
        if (letter.cause() != null) {
            header(headers, "dead-letter-exception-class-name", letter.cause().getClass().getName());
        }
        header(headers, "dead-letter-consumer", consumer);
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", Integer.toString(record.partition()));
        header(headers, "dead-letter-offset", Long.toString(record.offset()));
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withTopic(Topics.deadLetter(record.topic()))
                .withKey(record.key()).withHeaders(headers).build();
        return Message.of(value).addMetadata(metadata);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
