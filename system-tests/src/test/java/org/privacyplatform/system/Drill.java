package org.privacyplatform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacyplatform.system.Platform.AUDIT;
import static org.privacyplatform.system.Platform.CONSENT;
import static org.privacyplatform.system.Platform.as;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import org.awaitility.Awaitility;

/**
 * Fault drills: a burst of consent changes through the public API while a part of the platform is killed
 * or stopped with ./platform, then the audit log is checked for every acknowledged change, exactly once.
 */
final class Drill {

    private Drill() {
    }

    /** Runs {@code ./platform ARGS...} from the repository root and fails the test if it fails. */
    static void platform(String... args) {
        platformWithInput(null, args);
    }

    /** The same, with {@code input} on the command's standard input. */
    static void platformWithInput(String input, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("platform.root", "..")).resolve("platform").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("./platform %s finished", String.join(" ", args)).isTrue();
            assertThat(process.exitValue()).as("./platform %s: %s", String.join(" ", args), output).isZero();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code subjects} subjects each toggle the newsletter {@code changesPerSubject} times (grant, withdraw,
     * grant, ...), a change retried until it is acknowledged. When {@code faultAfter} changes are acknowledged,
     * {@code fault} runs once, beside the burst. Returns the subject ids.
     */
    static List<String> burst(String prefix, int subjects, int changesPerSubject, int faultAfter, Runnable fault)
            throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < subjects; i++) {
            ids.add(prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "-" + i);
        }
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean faulted = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        ExecutorService faults = Executors.newSingleThreadExecutor();
        List<Future<?>> done = new ArrayList<>();
        Future<?> faultDone = null;
        try {
            for (String subject : ids) {
                done.add(pool.submit(() -> {
                    for (int change = 0; change < changesPerSubject; change++) {
                        acknowledge(subject, change % 2 == 0);
                        acknowledged.incrementAndGet();
                    }
                    return null;
                }));
            }
            IntPredicate reached = n -> n >= faultAfter;
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> reached.test(acknowledged.get()));
            if (faulted.compareAndSet(false, true)) {
                faultDone = faults.submit(fault);
            }
            for (Future<?> future : done) {
                future.get(5, TimeUnit.MINUTES);
            }
            if (faultDone != null) {
                faultDone.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            faults.shutdownNow();
        }
        assertThat(acknowledged.get()).isEqualTo(subjects * changesPerSubject);
        return ids;
    }

    /** PUT until the service acknowledges it (a retry after a crash is harmless: the same decision changes nothing). */
    private static void acknowledge(String subject, boolean granted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            try {
                int status = as("service").body("{\"granted\":" + granted + ",\"noticeVersion\":\"1.0\",\"source\":\"api\"}")
                        .when().put(CONSENT + "/subjects/{s}/consents/newsletter", subject).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (Exception e) {
                // connection refused or cut while the service is down (RestAssured rethrows I/O errors unchecked)
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("change for " + subject + " never acknowledged");
            }
            Thread.sleep(200);
        }
    }

    /**
     * Waits until the audit log holds each subject's {@code changes} events and checks they are exactly the
     * acknowledged changes: alternating grant and withdrawal, each once.
     */
    static void assertEveryChangeOnceInTheAuditLog(List<String> subjects, int changes) {
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String subject : subjects) {
                List<Map<String, Object>> items = as("audrey").queryParam("subjectId", subject).queryParam("size", 500)
                        .when().get(AUDIT + "/audit/events").then().statusCode(200).extract().jsonPath().getList("items");
                List<String> types = items.stream().map(i -> (String) ((Map<?, ?>) i.get("event")).get("type")).toList();
                assertThat(types).as("audit events of %s", subject).hasSize(changes);
                for (int i = 0; i < types.size(); i++) {
                    assertThat(types.get(i)).as("event %d of %s", i, subject)
                            .isEqualTo(i % 2 == 0 ? "ConsentGranted" : "ConsentWithdrawn");
                }
            }
        });
    }
}
