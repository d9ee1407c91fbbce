package org.privacyplatform.consent.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The decision API for a service that embeds it. {@link #allowed(String, String)} answers from a local cache,
 * filled through the consent service's REST API ({@code GET /subjects/{id}/decisions/{purpose}}, or
 * {@code POST /decisions} for many subjects at once). Entries are dropped as soon as the client reads, on
 * {@code consent.events} and {@code rights.events}, an event about their subject (a withdrawal, an objection, a
 * restriction, an erasure...) or a purpose published (a new notice version); and in any case after
 * {@link Builder#maxAge(Duration)}. Strict mode asks the service every time.
 * <p>
 * What a user accepts (README): a decision may be stale for the time an event takes from the consent service's
 * commit to this client (the outbox relay, the broker, this client's poll: measured by the benchmark), and at
 * most {@code maxAge} if the client cannot read the topics. Answers read while no invalidation can be trusted
 * (before the client has caught up with the topics, or while an invalidation happened during the read) are
 * answered but not kept.
 */
public final class ConsentClient implements AutoCloseable {

    /** The service answers at most this many subjects per batch. */
    static final int BATCH = 1_000;

    private final URI baseUri;
    private final Supplier<String> tokens;
    private final boolean strict;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Clock clock;
    /** subject -> (purpose -> decision) */
    private final Cache<String, Map<String, Decision>> cache;
    private final AtomicLong invalidations = new AtomicLong();
    private final ReadWriteLock keeping = new ReentrantReadWriteLock();
    private final InvalidationListener listener;
    private final Duration settle;
    /** Subjects named by a rights event lately: asked every time until the consent service has surely applied it. */
    private final Cache<String, java.time.Instant> unsettled;

    private ConsentClient(Builder builder) {
        this.baseUri = Objects.requireNonNull(builder.baseUri, "baseUri");
        this.tokens = Objects.requireNonNull(builder.tokens, "tokens");
        this.strict = builder.strict;
        this.timeout = builder.timeout;
        this.clock = builder.clock;
        this.http = HttpClient.newBuilder().connectTimeout(builder.timeout).build();
        this.cache = Caffeine.newBuilder().maximumSize(builder.maxEntries).expireAfterWrite(builder.maxAge).build();
        if (!strict && builder.kafka == null) {
            throw new IllegalArgumentException("a caching client needs the Kafka settings to read invalidations "
                    + "(kafka(...)), or strict mode");
        }
        this.settle = builder.settle;
        this.unsettled = Caffeine.newBuilder().maximumSize(builder.maxEntries).expireAfterWrite(builder.settle).build();
        this.listener = strict ? null : new InvalidationListener(builder.kafka, this::invalidateSubject, this::invalidateAll);
        if (listener != null) {
            listener.start();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * May this subject's data be processed for this purpose now? Fails closed: if the service cannot be asked and
     * nothing is known, the answer is no.
     */
    public boolean allowed(String subjectId, String purposeId) {
        try {
            return decision(subjectId, purposeId).allowed();
        } catch (ConsentClientException e) {
            return false;
        }
    }

    /** The full decision; throws {@link ConsentClientException} when the service cannot be asked. */
    public Decision decision(String subjectId, String purposeId) {
        if (!strict) {
            Decision known = known(subjectId, purposeId);
            if (known != null) {
                return known;
            }
        }
        long before = invalidations.get();
        Decision asked = ask(subjectId, purposeId);
        keep(List.of(asked), before);
        return asked;
    }

    /** The decisions of many subjects on one purpose, in memory where known, the rest asked in batches of 1,000. */
    public Map<String, Decision> decisions(String purposeId, Collection<String> subjectIds) {
        Map<String, Decision> answers = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String subjectId : new LinkedHashSet<>(subjectIds)) {
            Decision known = strict ? null : known(subjectId, purposeId);
            if (known != null) {
                answers.put(subjectId, known);
            } else {
                missing.add(subjectId);
            }
        }
        for (int from = 0; from < missing.size(); from += BATCH) {
            List<String> chunk = missing.subList(from, Math.min(from + BATCH, missing.size()));
            long before = invalidations.get();
            List<Decision> asked = askAll(purposeId, chunk);
            keep(asked, before);
            asked.forEach(d -> answers.put(d.subjectId(), d));
        }
        return answers;
    }

    /** Whether the client reads invalidations now (false in strict mode, and until it has caught up). */
    public boolean caching() {
        return listener != null && listener.caughtUp();
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
    }

    private Decision known(String subjectId, String purposeId) {
        if (!caching()) {
            return null;
        }
        Map<String, Decision> bySubject = cache.getIfPresent(subjectId);
        Decision decision = bySubject == null ? null : bySubject.get(purposeId);
        return decision != null && decision.stillValidAt(OffsetDateTime.now(clock)) ? decision : null;
    }

    /** Keeps answers read since {@code before}, unless an invalidation happened meanwhile (or none can be trusted). */
    private void keep(List<Decision> answers, long before) {
        if (strict || !caching()) {
            return;
        }
        keeping.writeLock().lock();
        try {
            if (invalidations.get() != before) {
                return;
            }
            for (Decision decision : answers) {
                java.time.Instant until = unsettled.getIfPresent(decision.subjectId());
                if (until != null && clock.instant().isBefore(until)) {
                    continue;
                }
                Map<String, Decision> current = cache.getIfPresent(decision.subjectId());
                Map<String, Decision> next = current == null ? new HashMap<>() : new HashMap<>(current);
                next.put(decision.purposeId(), decision);
                cache.put(decision.subjectId(), Map.copyOf(next));
            }
        } finally {
            keeping.writeLock().unlock();
        }
    }

    private void invalidateSubject(String subjectId, String topic) {
        keeping.readLock().lock();
        try {
            invalidations.incrementAndGet();
            cache.invalidate(subjectId);
            if (!"consent.events".equals(topic)) {
                // the consent service applies a rights event (a restriction, an objection, an erasure) when it reads
                // it, at about the same moment as this client: until it surely has, the subject is asked, not kept
                unsettled.put(subjectId, clock.instant().plus(settle));
            }
        } finally {
            keeping.readLock().unlock();
        }
    }

    private void invalidateAll() {
        keeping.readLock().lock();
        try {
            invalidations.incrementAndGet();
            cache.invalidateAll();
        } finally {
            keeping.readLock().unlock();
        }
    }

    private Decision ask(String subjectId, String purposeId) {
        URI uri = baseUri.resolve("/subjects/" + encode(subjectId) + "/decisions/" + encode(purposeId));
        JsonNode body = send(HttpRequest.newBuilder(uri).GET());
        return parse(subjectId, purposeId, body);
    }

    private List<Decision> askAll(String purposeId, List<String> subjectIds) {
        ObjectNode question = json.createObjectNode().put("purposeId", purposeId);
        ArrayNode ids = question.putArray("subjectIds");
        subjectIds.forEach(ids::add);
        JsonNode body = send(HttpRequest.newBuilder(baseUri.resolve("/decisions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(question.toString())));
        if (!body.isArray() || body.size() != subjectIds.size()) {
            throw new ConsentClientException("the consent service answered " + body.size() + " decisions for "
                    + subjectIds.size() + " subjects");
        }
        List<Decision> decisions = new ArrayList<>(subjectIds.size());
        for (int i = 0; i < subjectIds.size(); i++) {
            decisions.add(parse(subjectIds.get(i), purposeId, body.get(i)));
        }
        return decisions;
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(timeout).header("Authorization", "Bearer " + tokens.get())
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConsentClientException("the consent service cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsentClientException("interrupted while asking the consent service", e);
        }
        if (response.statusCode() != 200) {
            throw new ConsentClientException("the consent service answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new ConsentClientException("the consent service's answer is not JSON", e);
        }
    }

    private static Decision parse(String subjectId, String purposeId, JsonNode body) {
        String expires = body.path("expiresAt").asText(null);
        return new Decision(subjectId, purposeId, body.path("allowed").asBoolean(false), body.path("legalBasis").asText(null),
                body.path("reason").asText(null), body.path("storageOnly").asBoolean(false),
                body.path("noticeVersion").asText(null), expires == null ? null : OffsetDateTime.parse(expires));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** How to reach the consent service and the broker, and how long an answer may be kept. */
    public static final class Builder {
        private URI baseUri;
        private Supplier<String> tokens;
        private Map<String, Object> kafka;
        private boolean strict;
        private Duration maxAge = Duration.ofSeconds(30);
        private long maxEntries = 100_000;
        private Duration timeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();
        private Duration settle = Duration.ofSeconds(5);

        private Builder() {
        }

        /**
         * After reading a rights event (restriction, objection, erasure) about a subject, how long the client asks
         * the service for that subject rather than keep an answer (default 5 s): the consent service applies the
         * same event when it reads it, which may be a little after this client.
         */
        public Builder settle(Duration settle) {
            this.settle = settle;
            return this;
        }

        /** The consent service, e.g. {@code http://127.0.0.1:8081}. */
        public Builder baseUri(URI baseUri) {
            this.baseUri = baseUri;
            return this;
        }

        /** A bearer token of the calling system (role service), asked for each request: it may refresh it. */
        public Builder tokens(Supplier<String> tokens) {
            this.tokens = tokens;
            return this;
        }

        /**
         * Kafka consumer settings to read {@code consent.events} and {@code rights.events} ({@code bootstrap.servers},
         * {@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}): the calling system's own
         * principal, with Read on both topics. No consumer group is used: every instance reads every partition.
         */
        public Builder kafka(Map<String, Object> kafka) {
            this.kafka = Map.copyOf(kafka);
            return this;
        }

        /** Ask the consent service every time; no cache, no Kafka. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** After this long an answer is asked again whatever the client read (default 30 s). */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        /** How many subjects the cache keeps (default 100,000). */
        public Builder maxEntries(long maxEntries) {
            this.maxEntries = maxEntries;
            return this;
        }

        /** How long a request to the consent service may take (default 5 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public ConsentClient build() {
            return new ConsentClient(this);
        }
    }
}
