package org.privacyplatform.audit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.privacyplatform.audit.service.AuditLog.Rejected;
import org.privacyplatform.commons.events.Topics;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts rejected records on their topic's {@code .dlq}, one by one. SmallRye's own dead-letter queue would,
 * in batch consumption, set aside the whole batch, good events included; so the audit log writes its own,
 * with the same headers SmallRye writes ({@code dead-letter-reason}, {@code -topic}, {@code -partition},
 * {@code -offset}, {@code -cause}) and the original record's headers, key and value.
 */
@ApplicationScoped
public class DeadLetters {

    /** The channel dead letters are sent on; the topic is chosen per record. */
    public static final String CHANNEL = "dead-letters";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Sends every rejected record and waits until the broker has them all; throws if it has not. */
    public void send(List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        List<Uni<Void>> acks = new ArrayList<>(rejected.size());
        for (Rejected r : rejected) {
            var record = r.record();
            LOG.warnf("%s-%d@%d set aside on %s: %s", record.topic(), record.partition(), record.offset(),
                    Topics.deadLetter(record.topic()), r.reason().getMessage());
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            header(headers, "dead-letter-reason", r.reason().getMessage());
            if (r.reason().getCause() != null) {
                header(headers, "dead-letter-cause", String.valueOf(r.reason().getCause().getMessage()));
            }
            header(headers, "dead-letter-exception-class-name", r.reason().getClass().getName());
            header(headers, "dead-letter-topic", record.topic());
            header(headers, "dead-letter-partition", Integer.toString(record.partition()));
            header(headers, "dead-letter-offset", Long.toString(record.offset()));
            var metadata = OutgoingKafkaRecordMetadata.<String>builder().withTopic(Topics.deadLetter(record.topic()))
                    .withKey(record.key()).withHeaders(headers).build();
            acks.add(emitter.sendMessage(Message.of(record.value()).addMetadata(metadata)));
        }
        Uni.join().all(acks).andFailFast().await().atMost(SEND_TIMEOUT);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
