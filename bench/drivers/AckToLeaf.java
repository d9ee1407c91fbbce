import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Consent changes at a paced rate, each for a subject of its own: 64 senders, each sending one change every
 * 64/RATE seconds and waiting for its answer (so an overloaded service lowers the rate rather than piling up
 * requests). Writes "subject,acknowledged-at,sent-at" (epoch microseconds) for every change the consent
 * service acknowledged (200); bench/run then reads when each subject's event became a leaf of the audit log
 * (audit_leaf.appended_at, the same machine's clock).
 *
 * Usage: java AckToLeaf.java CONSENT_URL TOKEN RATE_PER_SECOND SECONDS SUBJECT_PREFIX OUT_FILE
 */
public class AckToLeaf {

    static final int SENDERS = 64;

    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    public static void main(String[] args) throws Exception {
        String consent = args[0];
        String token = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String prefix = args[4];
        Path out = Path.of(args[5]);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        var acks = new ConcurrentLinkedQueue<String>();
        var failures = new AtomicInteger();
        var next = new AtomicInteger();
        long periodNanos = 1_000_000_000L * SENDERS / rate;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            long offset = periodNanos * s / SENDERS;
            Thread sender = new Thread(() -> {
                long due = start + offset;
                while (due < end) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    String subject = prefix + next.getAndIncrement();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(consent + "/subjects/" + subject + "/consents/newsletter"))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"granted\":true,\"noticeVersion\":\"1.0\",\"source\":\"api\"}"))
                            .build();
                    long sentAt = micros(Instant.now());
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        long ackAt = micros(Instant.now());
                        if (status == 200) {
                            acks.add(subject + "," + ackAt + "," + sentAt);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    // the next slot; slots missed while waiting for an answer are skipped, not made up
                    due += periodNanos;
                    while (due < System.nanoTime() - periodNanos) {
                        due += periodNanos;
                    }
                }
            }, "sender-" + s);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out))) {
            acks.forEach(writer::println);
        }
        System.out.printf("asked for %d changes/s for %d s: %d acknowledged (%.0f/s), %d failed%n", rate, seconds,
                acks.size(), acks.size() / elapsed, failures.get());
        if (failures.get() > 0) {
            System.exit(1);
        }
    }
}
