package org.privacyplatform.commons.outbox;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.privacyplatform.commons.PlatformConfig;
import org.privacyplatform.commons.events.CloudEvent;
import org.privacyplatform.commons.events.EventContract;
import org.privacyplatform.commons.schema.SchemaMigrator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.InvalidRecordException;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

/**
 * Publishes the outbox to Kafka: oldest first, in binary-mode CloudEvents keyed by subject id, and marks
 * each event published only after the broker acknowledged it. A relay that dies mid-batch leaves the batch
 * unmarked, so it is sent again after restart (at least once; consumers drop the copy by {@code ce_id}). A record
 * the broker refuses for good (too large, an invalid topic) is set aside with the reason and counted
 * ({@code privacy.outbox.refused}); it never holds back the events written after it.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The channel the relay sends on; its topic is chosen per event. */
    public static final String CHANNEL = "outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final MutinyEmitter<String> emitter;
    private final PlatformConfig.Outbox config;
    private final Clock clock;
    private final SchemaMigrator schema;
    private final Counter published;
    private final Counter failures;
    private final Counter refused;
    private final EventContract contract;
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(OutboxRepository repository, @Channel(CHANNEL) MutinyEmitter<String> emitter,
            PlatformConfig config, Clock clock, SchemaMigrator schema, MeterRegistry registry, EventContract contract) {
        this.repository = repository;
        this.contract = contract;
        this.emitter = emitter;
        this.config = config.outbox();
        this.clock = clock;
        this.schema = schema;
        this.published = Counter.builder("privacy.outbox.published").description("events relayed to Kafka")
                .register(registry);
        this.failures = Counter.builder("privacy.outbox.failures").description("relay attempts that failed")
                .register(registry);
        this.refused = Counter.builder("privacy.outbox.refused")
                .description("events the broker refused for good, set aside in outbox_event.refused_at").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            LOG.info("outbox relay disabled on this instance");
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    void wakeUp(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wakeUps.offer(Boolean.TRUE);
    }

    /**
     * Publishes one batch in one transaction: read the oldest unpublished events, send them, wait for every
     * acknowledgement, mark them published. Returns how many were published (0 if another instance holds
     * the relay lock). Callable directly, e.g. by an operator endpoint or a test.
     */
    @Transactional
    public int publishBatch() {
        if (!repository.tryRelayLock()) {
            return 0;
        }
        List<OutboxEvent> batch = repository.nextBatch(config.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        // Sent with the transaction suspended (the relay lock stays held): the broker's callbacks run on
        // Kafka's threads and must not be associated with this database transaction.
        List<Throwable> outcomes = QuarkusTransaction.suspendingExisting().call(() -> {
            List<Uni<Throwable>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                acks.add(emitter.sendMessage(toMessage(event)).onItemOrFailure().transform((ok, failure) -> failure));
            }
            return Uni.join().all(acks).andCollectFailures().await().atMost(config.sendTimeout());
        });
        List<Long> sent = new ArrayList<>(batch.size());
        List<Integer> refusedEvents = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Throwable failure = outcomes.get(i);
            if (failure == null) {
                sent.add(batch.get(i).id);
            } else if (refusedForGood(failure)) {
                refusedEvents.add(i);
            } else {
                // the broker or the network: the whole batch again (consumers drop what they already have)
                throw new IllegalStateException("the broker did not acknowledge event " + batch.get(i).eventId, failure);
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i : refusedEvents) {
            OutboxEvent event = batch.get(i);
            LOG.errorf("the broker refused event %s (%s on %s) for good; set aside in outbox_event: %s", event.eventId,
                    event.eventType, event.topic, outcomes.get(i).toString());
            repository.markRefused(event.id, now, outcomes.get(i).toString());
            refused.increment();
        }
        if (!sent.isEmpty()) {
            repository.markPublished(sent, now);
        }
        published.increment(batch.size());
        return batch.size();
    }

    private void loop() {
        long backoffMillis = config.pollInterval().toMillis();
        while (running) {
            try {
                if (!schema.isMigrated()) {
                    sleep(Math.min(config.pollInterval().toMillis(), 500));
                    continue;
                }
                int sent = publishBatch();
                backoffMillis = config.pollInterval().toMillis();
                if (sent < config.batchSize()) {
                    wakeUps.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                LOG.warnf("outbox relay failed, retrying in %d ms: %s", backoffMillis, e.toString());
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 30_000);
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** What sending again can never fix; anything else (timeouts, the broker away) is retried. */
    private static boolean refusedForGood(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidRecordException || t instanceof InvalidTopicException
                    || t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private Message<String> toMessage(OutboxEvent event) {
        var cloudEvent = OutgoingCloudEventMetadata.<String> builder()
                .withId(event.eventId)
                .withSource(URI.create(event.source))
                .withType(event.eventType)
                .withTimestamp(event.occurredAt.atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType(CloudEvent.DATA_CONTENT_TYPE);
        if (contract.knows(event.eventType)) {
            cloudEvent.withDataSchema(contract.dataSchema(event.eventType));
        }
        if (event.subjectId != null) {
            cloudEvent.withSubject(event.subjectId);
        }
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder()
                .withTopic(event.topic)
                .withKey(event.messageKey)
                .build();
        return Message.of(event.payload, Metadata.of(cloudEvent.build(), kafka));
    }
}
