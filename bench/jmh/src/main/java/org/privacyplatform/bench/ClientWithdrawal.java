package org.privacyplatform.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.privacyplatform.consent.client.ConsentClient;
import org.privacyplatform.consent.client.Decision;

/**
 * "Withdrawal committed -> both client instances refuse": two consent-client instances (as two instances of a
 * calling system would embed it) know that each of the subjects consented; withdrawals are then made through the
 * API at a steady rate, and for each the time from the consent service's 200 (committed) until both instances
 * refuse is measured. Each instance has a watcher of its own that asks it about every pending subject at once,
 * about every millisecond, as a service filtering a list would ({@code decisions(purpose, subjects)}): from memory
 * until the client has read a withdrawal's event, then (one batch call for all such) from the service.
 *
 * <p>Usage: {@code java -cp bench-client.jar -Dbench.token=... org.privacyplatform.bench.ClientWithdrawal
 * <changes per second> <seconds> <subject prefix>}; prints {@code withdrawals=N p50_ms=.. p99_ms=.. max_ms=..}.
 */
public final class ClientWithdrawal {

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        String prefix = args[2];
        int count = rate * seconds;
        List<String> subjects = BenchClients.subjects(prefix, count);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            // every subject consents first
            List<Future<?>> grants = new ArrayList<>();
            for (String subject : subjects) {
                grants.add(senders.submit(() -> {
                    BenchClients.record(http, subject, true);
                    return null;
                }));
            }
            for (var grant : grants) {
                grant.get();
            }
            try (ConsentClient first = BenchClients.caching(Duration.ofMinutes(5));
                    ConsentClient second = BenchClients.caching(Duration.ofMinutes(5))) {
                List<ConsentClient> clients = List.of(first, second);
                for (ConsentClient client : clients) {
                    long allowed = client.decisions(BenchClients.PURPOSE, subjects).values().stream()
                            .filter(Decision::allowed).count();
                    if (allowed != count) {
                        throw new IllegalStateException(allowed + " of " + count + " subjects allowed before the withdrawals");
                    }
                }
                System.out.println(measure(rate, count, subjects, clients, http, senders, timer));
            }
        } finally {
            timer.shutdownNow();
            senders.shutdownNow();
        }
    }

    private static String measure(int rate, int count, List<String> subjects, List<ConsentClient> clients, HttpClient http,
            ExecutorService senders, ScheduledExecutorService timer) throws InterruptedException {
        /** subject -> the moment its withdrawal's 200 arrived */
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        /** per client: subject -> the moment that client first refused */
        List<Map<String, Long>> refusedAt = List.of(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger issued = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients.size());
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(count / rate + 30L);
        for (int c = 0; c < clients.size(); c++) {
            ConsentClient client = clients.get(c);
            Map<String, Long> refused = refusedAt.get(c);
            Thread watcher = new Thread(() -> {
                try {
                    while (refused.size() < count && failure.get() == null && System.nanoTime() < giveUp) {
                        List<String> pending = committedAt.keySet().stream().filter(s -> !refused.containsKey(s)).toList();
                        if (!pending.isEmpty()) {
                            client.decisions(BenchClients.PURPOSE, pending).forEach((subject, decision) -> {
                                if (!decision.allowed()) {
                                    refused.putIfAbsent(subject, System.nanoTime());
                                }
                            });
                        }
                        Thread.sleep(1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "watcher-" + c);
            watcher.start();
        }
        // the pace is kept by a timer that hands each withdrawal to a pool, so a slow answer delays no other
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        var schedule = timer.scheduleAtFixedRate(() -> {
            int i = issued.getAndIncrement();
            if (i >= count) {
                return;
            }
            senders.execute(() -> {
                try {
                    BenchClients.record(http, subjects.get(i), false);
                    committedAt.put(subjects.get(i), System.nanoTime());
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        done.await();
        schedule.cancel(false);
        if (failure.get() != null) {
            throw new IllegalStateException("the measurement failed", failure.get());
        }
        List<Double> latencies = new ArrayList<>();
        for (var commit : committedAt.entrySet()) {
            Long a = refusedAt.get(0).get(commit.getKey());
            Long b = refusedAt.get(1).get(commit.getKey());
            if (a != null && b != null) {
                latencies.add((Math.max(a, b) - commit.getValue()) / 1e6);
            }
        }
        if (latencies.size() < count) {
            throw new IllegalStateException((count - latencies.size()) + " of " + count + " withdrawals not refused by both "
                    + "clients when the driver gave up (" + Math.min(issued.get(), count) + " sent, " + committedAt.size()
                    + " committed)");
        }
        Collections.sort(latencies);
        return String.format(Locale.ROOT, "withdrawals=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f", count,
                percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1));
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
