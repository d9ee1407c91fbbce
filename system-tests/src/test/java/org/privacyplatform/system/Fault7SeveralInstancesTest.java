package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.system.Platform.RIGHTS;
import static org.privacyplatform.system.Platform.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of every service on the same PostgreSQL and Kafka ({@code ./platform up --instances 2}: the
 * second ones listen on 8091-8094). A decision changed through one is answered by the other within a second,
 * a restriction included; one killed mid-burst loses and duplicates nothing.
 */
class Fault7SeveralInstancesTest {

    static final String CONSENT_1 = Platform.CONSENT;
    static final String CONSENT_2 = "http://127.0.0.1:8091";

    @BeforeAll
    static void secondInstances() {
        Drill.platform("up", "--instances", "2");
    }

    @AfterAll
    static void oneInstanceAgain() {
        for (String service : List.of("consent-service", "rights-request-service", "retention-service", "audit-service")) {
            Drill.platform("stop", service + "-2");
        }
    }

    @Test
    void aDecisionChangedThroughOneInstanceIsAnsweredByTheOtherWithinASecond() {
        String subject = "instances-" + UUID.randomUUID();
        assertThat(decision(CONSENT_2, subject)).isEqualTo("NO_CONSENT");

        decide(CONSENT_1, subject, true);
        within(Duration.ofSeconds(1), () -> assertThat(decision(CONSENT_2, subject)).isEqualTo("CONSENT_GIVEN"));
        decide(CONSENT_2, subject, false);
        within(Duration.ofSeconds(1), () -> assertThat(decision(CONSENT_1, subject)).isEqualTo("CONSENT_WITHDRAWN"));

        // a restriction arrives as an event that one instance applies; both answer it within a second of each other
        decide(CONSENT_1, subject, true);
        within(Duration.ofSeconds(1), () -> assertThat(decision(CONSENT_2, subject)).isEqualTo("CONSENT_GIVEN"));
        String request = as("dora").body("{\"subjectId\":\"" + subject + "\",\"type\":\"RESTRICTION\","
                + "\"details\":{\"ground\":\"accuracy contested\"}}").when().post(RIGHTS + "/requests").then()
                .statusCode(201).extract().path("id");
        as("dora").when().post(RIGHTS + "/requests/{id}/verify-identity", request).then().statusCode(200);
        Platform.eventually().until(() -> "RESTRICTED".equals(decision(CONSENT_1, subject))
                || "RESTRICTED".equals(decision(CONSENT_2, subject)));
        within(Duration.ofSeconds(1), () -> {
            assertThat(decision(CONSENT_1, subject)).isEqualTo("RESTRICTED");
            assertThat(decision(CONSENT_2, subject)).isEqualTo("RESTRICTED");
        });
    }

    @Test
    void anInstanceKilledMidBurstLosesAndDuplicatesNothing() throws Exception {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            subjects.add("instances-burst-" + UUID.randomUUID().toString().substring(0, 8) + "-" + i);
        }
        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < subjects.size(); i++) {
                String subject = subjects.get(i);
                // half the subjects go to each instance; a change the instance cannot take goes to the other one
                String first = i % 2 == 0 ? CONSENT_1 : CONSENT_2;
                String second = first.equals(CONSENT_1) ? CONSENT_2 : CONSENT_1;
                done.add(pool.submit(() -> {
                    for (int change = 0; change < 10; change++) {
                        acknowledge(subject, change % 2 == 0, first, second);
                        acknowledged.incrementAndGet();
                    }
                    return null;
                }));
            }
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.get() >= 60);
            Drill.platform("kill", "consent-service-2");
            for (Future<?> future : done) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            Drill.platform("up", "--instances", "2");
        }
        assertThat(acknowledged.get()).isEqualTo(200);
        Drill.assertEveryChangeOnceInTheAuditLog(subjects, 10);
    }

    private static void acknowledge(String subject, boolean granted, String first, String second)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        for (int attempt = 0;; attempt++) {
            String instance = attempt == 0 ? first : second;
            try {
                if (as("service").body("{\"granted\":" + granted + ",\"noticeVersion\":\"1.0\",\"source\":\"api\"}")
                        .when().put(instance + "/subjects/{s}/consents/newsletter", subject).statusCode() == 200) {
                    return;
                }
            } catch (Exception e) {
                // the instance was killed: a load balancer would send the change to the other one
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("change for " + subject + " never acknowledged");
            }
            Thread.sleep(100);
        }
    }

    private static void decide(String instance, String subject, boolean granted) {
        as("service").body("{\"granted\":" + granted + ",\"noticeVersion\":\"1.0\",\"source\":\"api\"}").when()
                .put(instance + "/subjects/{s}/consents/newsletter", subject).then().statusCode(200);
    }

    private static String decision(String instance, String subject) {
        return as("service").when().get(instance + "/subjects/{s}/decisions/newsletter", subject).then().statusCode(200)
                .extract().path("reason");
    }

    private static void within(Duration limit, Runnable assertion) {
        Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(50)).untilAsserted(assertion::run);
    }
}
