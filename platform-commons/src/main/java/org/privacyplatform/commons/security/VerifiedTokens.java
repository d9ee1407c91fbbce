package org.privacyplatform.commons.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Bearer tokens already verified by quarkus-oidc, recognised by their SHA-256 so that the next request with the
 * same token skips parsing and the RS256 check (established practice: Envoy's jwt_authn cache of verified
 * tokens, PostgREST's jwt-cache-max-lifetime). An entry lives until the earlier of the token's {@code exp} and
 * {@code privacy.token-cache.max-age}; the cache is bounded in entries and in token size; a failure is never
 * kept. The issuer's published keys are watched: when they change, every entry goes, and a token signed with a
 * key the issuer no longer publishes is refused even by the full check. The cached identity is the one the full
 * check produced, so roles, {@code sub} and client are the same.
 */
@ApplicationScoped
public class VerifiedTokens {

    private static final Logger LOG = Logger.getLogger(VerifiedTokens.class);

    /** What a verified token gave, until when, and which signing key it named. */
    record Verified(SecurityIdentity identity, Instant notAfter, String keyId, long keysVersion) {
    }

    private final boolean enabled;
    private final Duration maxAge;
    private final int maxTokenLength;
    private final Duration keysCheck;
    private final Optional<String> authServerUrl;
    private final Clock clock;
    private final ObjectMapper json;
    private final Cache<String, Verified> verified;
    private final Counter hits;
    private final Counter misses;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Set<String> publishedKeys;
    private volatile String publishedKeysFingerprint;
    private volatile long keysVersion;
    private volatile Instant keysReadAt = Instant.EPOCH;
    private ScheduledExecutorService watcher;

    public VerifiedTokens(@ConfigProperty(name = "privacy.token-cache.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "privacy.token-cache.max-age", defaultValue = "PT60S") Duration maxAge,
            @ConfigProperty(name = "privacy.token-cache.max-entries", defaultValue = "10000") long maxEntries,
            @ConfigProperty(name = "privacy.token-cache.max-token-length", defaultValue = "8192") int maxTokenLength,
            @ConfigProperty(name = "privacy.token-cache.keys-check", defaultValue = "PT30S") Duration keysCheck,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
            ObjectMapper json, MeterRegistry registry) {
        this.enabled = enabled;
        this.maxAge = maxAge;
        this.maxTokenLength = maxTokenLength;
        this.keysCheck = keysCheck;
        this.authServerUrl = authServerUrl;
        // the real time, never a test's clock: a token's exp is about the real time, as quarkus-oidc reads it
        this.clock = Clock.systemUTC();
        this.json = json;
        this.verified = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(maxAge).build();
        this.hits = Counter.builder("privacy.token.cache").tag("result", "hit")
                .description("bearer tokens recognised as already verified").register(registry);
        this.misses = Counter.builder("privacy.token.cache").tag("result", "miss")
                .description("bearer tokens verified in full").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!enabled || authServerUrl.isEmpty()) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "verified-tokens-keys");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::readPublishedKeys, 0, keysCheck.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    /** The identity a token gave when it was verified, if it is still valid and its key still published. */
    Optional<SecurityIdentity> recognise(String token) {
        if (!enabled || token.length() > maxTokenLength) {
            return Optional.empty();
        }
        String key = digest(token);
        Verified entry = verified.getIfPresent(key);
        if (entry == null) {
            misses.increment();
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.notAfter()) || entry.keysVersion() != keysVersion) {
            verified.invalidate(key);
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.identity());
    }

    /** Keeps what the full check of a token gave (called only for a successful check). */
    void remember(String token, SecurityIdentity identity) {
        if (!enabled || token.length() > maxTokenLength || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        long exp = jwt.getExpirationTime();
        if (exp <= 0) {
            return;
        }
        Instant notAfter = Instant.ofEpochSecond(exp);
        Instant bound = clock.instant().plus(maxAge);
        verified.put(digest(token), new Verified(identity, notAfter.isBefore(bound) ? notAfter : bound,
                keyId(token).orElse(null), keysVersion));
    }

    /**
     * Whether the token names a signing key the issuer no longer publishes (once the keys have been read); a key
     * not seen yet makes the keys be read again first, at most every few seconds, since a new key may just have
     * been published.
     */
    boolean signedWithWithdrawnKey(String token) {
        Set<String> keys = publishedKeys;
        if (!enabled || keys == null) {
            return false;
        }
        Optional<String> kid = keyId(token);
        if (kid.isEmpty() || keys.contains(kid.get())) {
            return false;
        }
        if (Duration.between(keysReadAt, clock.instant()).compareTo(Duration.ofSeconds(5)) > 0) {
            readPublishedKeys();
        }
        Set<String> reread = publishedKeys;
        return reread != null && !reread.contains(kid.get());
    }

    /** Reads the issuer's JSON Web Key Set; when it changed, forgets every verified token. */
    synchronized void readPublishedKeys() {
        try {
            String issuer = authServerUrl.orElseThrow().replaceAll("/+$", "");
            JsonNode discovery = json.readTree(get(issuer + "/.well-known/openid-configuration"));
            String jwksUri = discovery.path("jwks_uri").asText(null);
            if (jwksUri == null) {
                return;
            }
            JsonNode published = json.readTree(get(jwksUri)).path("keys");
            Set<String> kids = new HashSet<>();
            for (JsonNode key : published) {
                if (key.hasNonNull("kid")) {
                    kids.add(key.get("kid").asText());
                }
            }
            String fingerprint = digest(published.toString());
            keysReadAt = clock.instant();
            if (publishedKeysFingerprint != null && !publishedKeysFingerprint.equals(fingerprint)) {
                LOG.infof("the issuer's signing keys changed (%d published): verified tokens forgotten", kids.size());
                keysVersion++;
                verified.invalidateAll();
            }
            publishedKeysFingerprint = fingerprint;
            publishedKeys = Set.copyOf(kids);
        } catch (Exception e) {
            // the issuer unreachable: keep what we know; the entries still end with max-age
            LOG.debugf("could not read the issuer's signing keys: %s", e.getMessage());
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** The {@code kid} of the token's JOSE header, read without trusting it (it only selects a key). */
    private Optional<String> keyId(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot > 2048) {
            return Optional.empty();
        }
        try {
            JsonNode header = json.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            return header.hasNonNull("kid") ? Optional.of(header.get("kid").asText()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** One SHA-256 instance per thread, not a provider look-up on every request. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static String digest(String value) {
        // digest() resets the instance, so the next call on this thread starts afresh
        return Base64.getEncoder().encodeToString(SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The bearer token a credential carries, if it is one. */
    static Optional<String> tokenOf(Object credential) {
        return credential instanceof TokenCredential token ? Optional.ofNullable(token.getToken()) : Optional.empty();
    }
}
