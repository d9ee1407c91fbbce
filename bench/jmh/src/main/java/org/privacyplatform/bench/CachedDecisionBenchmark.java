package org.privacyplatform.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.privacyplatform.consent.client.ConsentClient;

/**
 * consent-client's answer from memory: {@code allowed(subject, purpose)} for subjects whose decisions it has read
 * through one batch call to the running consent service ({@code POST /decisions}). Sampled one call at a time, so
 * the median is a call's own time (plus the timer's, some 20-30 ns).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CachedDecisionBenchmark {

    private static final int SUBJECTS = 4096;

    private ConsentClient client;
    private String[] subjects;
    private int next;

    @Setup(Level.Trial)
    public void fill() throws Exception {
        // long enough that no entry ages out while measured: this is the hit path; a miss is a REST call
        client = BenchClients.caching(Duration.ofMinutes(10));
        List<String> known = BenchClients.subjects("bench-jmh-" + System.currentTimeMillis(), SUBJECTS);
        var decisions = client.decisions(BenchClients.PURPOSE, known);
        if (decisions.size() != SUBJECTS) {
            throw new IllegalStateException("the consent service answered " + decisions.size() + " of " + SUBJECTS);
        }
        subjects = known.toArray(String[]::new);
    }

    @TearDown(Level.Trial)
    public void close() {
        client.close();
    }

    @Benchmark
    public boolean cachedDecision() {
        String subject = subjects[next++ & (SUBJECTS - 1)];
        return client.allowed(subject, BenchClients.PURPOSE);
    }
}
