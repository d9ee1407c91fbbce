import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Erasure requests through the rights-request service with three recipients: the two platform services
 * (which answer over Kafka) and an external one played here, which hears ErasureRequested on rights.events
 * and reports its outcome over REST, as an integrated processor would. One request at a time: file, verify
 * identity, wait until closed. Writes each request's verified -> closed time in milliseconds, read from the
 * request's own history (the service's clock), one per line.
 *
 * Usage: java -cp KAFKA_LIBS/* ErasureRound.java RIGHTS_URL KAFKA_CLIENT_CONFIG DPO_TOKEN SERVICE_TOKEN COUNT SUBJECT_PREFIX OUT_FILE
 */
public class ErasureRound {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String RECIPIENT = "bench-processor";

    public static void main(String[] args) throws Exception {
        String rights = args[0];
        String kafkaConfig = args[1];
        String dpo = args[2];
        String service = args[3];
        int count = Integer.parseInt(args[4]);
        String prefix = args[5];
        Path out = Path.of(args[6]);

        CountDownLatch listening = new CountDownLatch(1);
        Thread recipient = new Thread(() -> actAsRecipient(rights, kafkaConfig, service, prefix, listening), "recipient");
        recipient.setDaemon(true);
        recipient.start();
        listening.await();

        List<String> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode filed = call("POST", rights + "/requests", dpo,
                    "{\"subjectId\":\"" + prefix + i + "\",\"type\":\"ERASURE\"}", 201);
            String id = filed.path("id").asText();
            call("POST", rights + "/requests/" + id + "/verify-identity", dpo, null, 200);
            JsonNode request = filed;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!request.hasNonNull("closedAt")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("request " + id + " not closed after 60 s: " + request);
                }
                Thread.sleep(5);
                request = call("GET", rights + "/requests/" + id, dpo, null, 200);
            }
            if (!request.path("status").asText().startsWith("COMPLETED")) {
                throw new IllegalStateException("request " + id + " closed as " + request.path("status").asText());
            }
            OffsetDateTime verified = null;
            for (JsonNode step : request.path("history")) {
                if ("IDENTITY_VERIFIED".equals(step.path("toStatus").asText())) {
                    verified = OffsetDateTime.parse(step.path("at").asText());
                }
            }
            OffsetDateTime closed = OffsetDateTime.parse(request.path("closedAt").asText());
            millis.add(Double.toString(Duration.between(verified, closed).toNanos() / 1e6));
        }
        Files.write(out, millis);
        System.out.printf("%d erasure requests completed with 3 recipients%n", count);
    }

    /** The external recipient: erases on ErasureRequested and says so. */
    static void actAsRecipient(String rights, String kafkaConfig, String service, String prefix, CountDownLatch listening) {
        Properties props = clientConfig(kafkaConfig);
        props.put("enable.auto.commit", "false");
        try (var consumer = new KafkaConsumer<String, String>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("rights.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            listening.countDown();
            while (true) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    var type = record.headers().lastHeader("ce_type");
                    var subject = record.headers().lastHeader("ce_subject");
                    if (type == null || subject == null
                            || !"ErasureRequested".equals(new String(type.value(), StandardCharsets.UTF_8))
                            || !new String(subject.value(), StandardCharsets.UTF_8).startsWith(prefix)) {
                        continue;
                    }
                    String requestId = JSON.readTree(record.value()).path("requestId").asText();
                    call("POST", rights + "/requests/" + requestId + "/outcomes", service,
                            "{\"recipientId\":\"" + RECIPIENT + "\",\"status\":\"DONE\",\"erased\":[{\"category\":\"crm-contact\",\"count\":1}]}",
                            200);
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    static JsonNode call(String method, String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The Kafka client settings (bootstrap servers, the operator's credentials) from a properties file. */
    static Properties clientConfig(String file) {
        Properties props = new Properties();
        try (var in = Files.newInputStream(Path.of(file))) {
            props.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return props;
    }
}
