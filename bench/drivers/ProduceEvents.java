import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts COUNT binary-mode CloudEvents on a topic as fast as the broker takes them (acks=all), the way the
 * platform's outbox relays write them, for the audit log to append. Event ids are PREFIX-n, source
 * /bench, subjects spread over 1,000 keys (so over every partition).
 *
 * Usage: java -cp KAFKA_LIBS/* ProduceEvents.java KAFKA_CLIENT_CONFIG TOPIC COUNT PREFIX
 * (KAFKA_CLIENT_CONFIG: a properties file with bootstrap.servers and the operator's SASL settings)
 */
public class ProduceEvents {

    public static void main(String[] args) throws Exception {
        String kafkaConfig = args[0];
        String topic = args[1];
        int count = Integer.parseInt(args[2]);
        String prefix = args[3];
        Properties props = new Properties();
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(kafkaConfig))) {
            props.load(in);
        }
        props.put("acks", "all");
        props.put("linger.ms", "5");
        props.put("batch.size", "65536");
        long started = System.nanoTime();
        try (var producer = new KafkaProducer<String, String>(props, new StringSerializer(), new StringSerializer())) {
            String time = Instant.now().toString();
            for (int n = 0; n < count; n++) {
                String subject = prefix + "-subject-" + (n % 1000);
                var record = new ProducerRecord<>(topic, subject,
                        "{\"subjectId\":\"" + subject + "\",\"purposeId\":\"newsletter\",\"legalBasis\":\"CONSENT\","
                                + "\"noticeVersion\":\"1.0\",\"source\":\"api\",\"grantedAt\":\"" + time + "\",\"expiresAt\":null}");
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", prefix + "-" + n);
                // as the consent service writes them (topic consent.events): consumers check every event against the contract
                header(record, "ce_source", "/consent-service");
                header(record, "ce_type", "ConsentGranted");
                header(record, "ce_subject", subject);
                header(record, "ce_time", time);
                header(record, "content-type", "application/json");
                producer.send(record);
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("produced %d events in %.2f s (%.0f events/s)%n", count, seconds, count / seconds);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
