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
import org.privacyplatform.commons.schema.SchemaMigrator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
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
 * unmarked, so it is sent again after restart (at least once; consumers drop the copy by {@code ce_id}).
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
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(OutboxRepository repository, @Channel(CHANNEL) MutinyEmitter<String> emitter,
            PlatformConfig config, Clock clock, SchemaMigrator schema, MeterRegistry registry) {
        this.repository = repository;
        this.emitter = emitter;
        this.config = config.outbox();
        this.clock = clock;
        this.schema = schema;
        this.published = Counter.builder("privacy.outbox.published").description("events relayed to Kafka")
                .register(registry);
        this.failures = Counter.builder("privacy.outbox.failures").description("relay attempts that failed")
                .register(registry);
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
        QuarkusTransaction.suspendingExisting().run(() -> {
            List<Uni<Void>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                acks.add(emitter.sendMessage(toMessage(event)));
            }
            Uni.join().all(acks).andFailFast().await().atMost(config.sendTimeout());
        });
        repository.markPublished(batch.stream().map(e -> e.id).toList(), OffsetDateTime.now(clock));
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

    private static Message<String> toMessage(OutboxEvent event) {
        var cloudEvent = OutgoingCloudEventMetadata.<String> builder()
                .withId(event.eventId)
                .withSource(URI.create(event.source))
                .withType(event.eventType)
                .withTimestamp(event.occurredAt.atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType(CloudEvent.DATA_CONTENT_TYPE);
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
