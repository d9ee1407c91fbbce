package org.privacyplatform.consent.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads {@code consent.events} and {@code rights.events} from their end, on every partition (no consumer group),
 * and drops the cached decisions of each subject an event names ({@code ce_subject}); an event about no subject
 * (a purpose published) drops everything. Only headers are read. Until it has found its position on every
 * partition, it says it has not caught up, so nothing is cached before an invalidation could be missed.
 */
final class InvalidationListener implements AutoCloseable {

    static final Set<String> TOPICS = Set.of("consent.events", "rights.events");
    private static final Logger LOG = Logger.getLogger(InvalidationListener.class.getName());

    private final Map<String, Object> settings;
    private final java.util.function.BiConsumer<String, String> invalidateSubject;
    private final Runnable invalidateAll;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /** {@code invalidateSubject} receives the subject id and the topic the event came from. */
    InvalidationListener(Map<String, Object> kafka, java.util.function.BiConsumer<String, String> invalidateSubject,
            Runnable invalidateAll) {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "consent-client-" + Long.toHexString(System.nanoTime()));
        this.settings = settings;
        this.invalidateSubject = invalidateSubject;
        this.invalidateAll = invalidateAll;
        this.thread = new Thread(this::run, "consent-client-invalidations");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(settings)) {
                consumer = kafka;
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : TOPICS) {
                    for (PartitionInfo partition : kafka.partitionsFor(topic, Duration.ofSeconds(30))) {
                        partitions.add(new TopicPartition(topic, partition.partition()));
                    }
                }
                kafka.assign(partitions);
                kafka.seekToEnd(partitions);
                for (TopicPartition partition : partitions) {
                    kafka.position(partition, Duration.ofSeconds(30)); // resolve the end now: from here nothing is missed
                }
                // whatever was cached before this position may have missed an invalidation
                invalidateAll.run();
                caughtUp = true;
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                        Header subject = record.headers().lastHeader("ce_subject");
                        if (subject == null || subject.value() == null) {
                            invalidateAll.run();
                        } else {
                            invalidateSubject.accept(new String(subject.value(), StandardCharsets.UTF_8), record.topic());
                        }
                    }
                }
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                caughtUp = false;
                invalidateAll.run();
                if (running) {
                    LOG.log(Level.WARNING, "consent-client cannot read invalidations, asking the service until it can: {0}",
                            e.getMessage());
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            } finally {
                caughtUp = false;
                consumer = null;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
