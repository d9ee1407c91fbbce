package org.privacyplatform.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.privacyplatform.consent.client.ConsentClient;

/**
 * The running platform as bench/run describes it through system properties: {@code bench.consent} (the consent
 * service), {@code bench.token} (a token of the calling system lms), {@code bench.kafka} and
 * {@code bench.kafka-password} (the lms Kafka principal; LOCAL DEVELOPMENT ONLY password by default).
 */
final class BenchClients {

    static final String PURPOSE = "newsletter";

    private BenchClients() {
    }

    static URI consent() {
        return URI.create(System.getProperty("bench.consent", "http://127.0.0.1:8081"));
    }

    static String token() {
        String token = System.getProperty("bench.token");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("-Dbench.token=<a token of the calling system lms> is required");
        }
        return token;
    }

    /** A caching client, as a service embeds it, once it reads invalidations (within 60 s). */
    static ConsentClient caching(Duration maxAge) throws InterruptedException {
        String password = System.getProperty("bench.kafka-password", "lms-local-dev-password");
        Map<String, Object> kafka = Map.of("bootstrap.servers", System.getProperty("bench.kafka", "127.0.0.1:9092"),
                "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"lms\" "
                        + "password=\"" + password + "\";");
        String token = token();
        ConsentClient client = ConsentClient.builder().baseUri(consent()).tokens(() -> token).kafka(kafka).maxAge(maxAge)
                .build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (!client.caching()) {
            if (Instant.now().isAfter(deadline)) {
                client.close();
                throw new IllegalStateException("the client did not catch up with consent.events and rights.events in 60 s");
            }
            Thread.sleep(50);
        }
        return client;
    }

    /** Records a consent through the API, as the calling system; returns when the consent service has committed it. */
    static void record(HttpClient http, String subject, boolean granted) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(consent().resolve("/subjects/" + subject + "/consents/" + PURPOSE))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"granted\":" + granted
                        + ",\"noticeVersion\":\"1.0\",\"source\":\"api\"}"))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT consent for " + subject + ": " + response.statusCode() + " " + response.body());
        }
    }

    static List<String> subjects(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }
}
