package org.privacyplatform.commons.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.privacyplatform.commons.testing.TestBroker;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The broker's authentication and ACLs (deploy/kafka/acls), against the real test broker that
 * {@code ./platform test} formats with the platform's principals: nobody gets in without credentials, a
 * service writes only its own topic and the dead-letter topics of what it consumes, and reads only what it
 * consumes, with its own consumer groups; the operator reads and writes everything.
 */
@QuarkusTest
class KafkaPrincipalsTest {

    private static final List<String> ALL_TOPICS = List.of(Topics.CONSENT, Topics.RIGHTS, Topics.RETENTION,
            Topics.deadLetter(Topics.CONSENT), Topics.deadLetter(Topics.RIGHTS), Topics.deadLetter(Topics.RETENTION));

    /** Each service principal, the topics it writes and the topics it reads (its application.properties). */
    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of("consent-service",
                        Set.of(Topics.CONSENT, Topics.deadLetter(Topics.RIGHTS), Topics.deadLetter(Topics.RETENTION)),
                        Set.of(Topics.RIGHTS, Topics.RETENTION)),
                Arguments.of("rights-request-service",
                        Set.of(Topics.RIGHTS, Topics.deadLetter(Topics.CONSENT), Topics.deadLetter(Topics.RETENTION)),
                        Set.of(Topics.CONSENT, Topics.RETENTION)),
                Arguments.of("retention-service",
                        Set.of(Topics.RETENTION, Topics.deadLetter(Topics.CONSENT), Topics.deadLetter(Topics.RIGHTS)),
                        Set.of(Topics.CONSENT, Topics.RIGHTS)),
                Arguments.of("audit-service",
                        Set.of(Topics.deadLetter(Topics.CONSENT), Topics.deadLetter(Topics.RIGHTS),
                                Topics.deadLetter(Topics.RETENTION)),
                        Set.of(Topics.CONSENT, Topics.RIGHTS, Topics.RETENTION)));
    }

    @Test
    void aCallingSystemReadsTheConsentAndRightsTopicsToInvalidateAndWritesNothing() throws Exception {
        // lms: its consent-client reads consent.events and rights.events without a consumer group
        for (String topic : ALL_TOPICS) {
            // refused for the topic, or before it: an idempotent producer with no Write anywhere may not even start,
            // and then says so on send (synchronously, "in an error state", caused by the authorization failure) or in
            // the send's future
            try (var producer = producer("lms")) {
                Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> send(producer, topic));
                assertThat(thrown).as("lms may not write %s", topic).isNotNull();
                boolean refused = false;
                for (Throwable t = thrown; t != null && !refused; t = t.getCause()) {
                    refused = t instanceof org.apache.kafka.common.errors.AuthorizationException;
                }
                assertThat(refused).as("lms may not write %s: refused by the broker's ACLs, not %s", topic, thrown).isTrue();
            }
        }
        Map<String, Object> config = new HashMap<>(TestBroker.clientConfig("lms", "lms-local-dev-password"));
        config.put("key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        config.put("value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName());
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(config)) {
            for (String topic : List.of(Topics.CONSENT, Topics.RIGHTS)) {
                var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
                consumer.assign(List.of(partition));
                consumer.seekToEnd(List.of(partition));
                assertThat(consumer.position(partition, java.time.Duration.ofSeconds(10))).isGreaterThanOrEqualTo(0);
            }
            var retention = new org.apache.kafka.common.TopicPartition(Topics.RETENTION, 0);
            consumer.assign(List.of(retention));
            assertThatThrownBy(() -> consumer.poll(java.time.Duration.ofSeconds(5)))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aClientWithoutCredentialsIsRefused() {
        Map<String, Object> anonymous = Map.of("bootstrap.servers", TestBroker.bootstrapServers(), "max.block.ms", 3000);
        try (var producer = new KafkaProducer<>(anonymous, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> send(producer, Topics.CONSENT))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = new HashMap<>(TestBroker.clientConfig("consent-service", "not-its-password"));
        config.put("max.block.ms", 10000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> send(producer, Topics.CONSENT))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @ParameterizedTest(name = "{0} writes {1}, and nothing else")
    @MethodSource("services")
    void aServiceWritesOnlyItsOwnTopicAndTheDeadLetterTopicsItFeeds(String service, Set<String> writes,
            Set<String> reads) throws Exception {
        // the services' producers are idempotent (acks=all): Write on a topic is all they need
        try (var producer = producer(service)) {
            for (String topic : ALL_TOPICS) {
                if (writes.contains(topic)) {
                    assertThat(send(producer, topic).topic()).as("%s writes %s", service, topic).isEqualTo(topic);
                } else {
                    assertThatThrownBy(() -> send(producer, topic)).as("%s may not write %s", service, topic)
                            .isInstanceOf(ExecutionException.class)
                            .hasCauseInstanceOf(TopicAuthorizationException.class);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} reads {2}, and nothing else")
    @MethodSource("services")
    void aServiceReadsOnlyTheTopicsItConsumes(String service, Set<String> writes, Set<String> reads) {
        for (String topic : ALL_TOPICS) {
            String marker = markedRecordOn(topic);
            try (var consumer = consumer(service, null)) {
                if (reads.contains(topic)) {
                    assertThat(readUntil(consumer, topic, marker)).as("%s reads %s", service, topic).isTrue();
                } else {
                    assertThatThrownBy(() -> readUntil(consumer, topic, marker)).as("%s may not read %s", service, topic)
                            .isInstanceOf(TopicAuthorizationException.class);
                }
            }
        }
    }

    @Test
    void aServiceJoinsOnlyItsOwnConsumerGroups() {
        try (var consumer = consumer("consent-service", "consent-service")) {
            consumer.subscribe(List.of(Topics.RIGHTS));
            consumer.poll(Duration.ofSeconds(2));
        }
        try (var consumer = consumer("consent-service", "retention-service")) {
            consumer.subscribe(List.of(Topics.RIGHTS));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(5)))
                    .isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void theOperatorReadsAndWritesEveryTopicInAnyGroup() throws Exception {
        try (var producer = producer(TestBroker.OPERATOR)) {
            for (String topic : ALL_TOPICS) {
                send(producer, topic);
            }
        }
        for (String topic : ALL_TOPICS) {
            String marker = markedRecordOn(topic);
            try (var consumer = consumer(TestBroker.OPERATOR, "operator-" + UUID.randomUUID())) {
                assertThat(readUntil(consumer, topic, marker)).isTrue();
            }
        }
    }

    private static RecordMetadata send(KafkaProducer<String, String> producer, String topic) throws Exception {
        return producer.send(new ProducerRecord<>(topic, 0, "acl-test", "{}")).get(20, TimeUnit.SECONDS);
    }

    /** Puts a record on partition 0 of the topic as the operator; returns its key. */
    private static String markedRecordOn(String topic) {
        String key = "acl-test-" + UUID.randomUUID();
        try (var producer = producer(TestBroker.OPERATOR)) {
            producer.send(new ProducerRecord<>(topic, 0, key, "{}")).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the operator could not write " + topic, e);
        }
        return key;
    }

    /** Reads partition 0 of the topic from its beginning until the record with this key; throws what the broker refuses. */
    private static boolean readUntil(KafkaConsumer<String, String> consumer, String topic, String key) {
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(record.key())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static KafkaProducer<String, String> producer(String principal) {
        Map<String, Object> config = new HashMap<>(TestBroker.clientConfig(principal));
        config.put("acks", "all");
        config.put("enable.idempotence", true);
        config.put("max.block.ms", 10000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String principal, String group) {
        Map<String, Object> config = new HashMap<>(TestBroker.clientConfig(principal));
        if (group != null) {
            config.put("group.id", group);
        }
        config.put("enable.auto.commit", false);
        config.put("auto.offset.reset", "earliest");
        config.put("client.id", principal + "-acl-test");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
