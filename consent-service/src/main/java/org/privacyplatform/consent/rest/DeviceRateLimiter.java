package org.privacyplatform.consent.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.consent.config.ConsentConfig;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Bounds what one client address and one device may ask of the public device endpoints: a token bucket per key, in
 * memory, for one instance (consent.devices.*). A bucket left alone for a window is full again, so forgetting it after
 * a window of silence loses nothing; beyond {@code tracked-keys} the least recently used are forgotten first.
 */
@ApplicationScoped
public class DeviceRateLimiter {

    private final Clock clock;
    private final int perClientAddress;
    private final int perDevice;
    private final Duration window;
    private final Cache<String, Bucket> buckets;

    public DeviceRateLimiter(ConsentConfig config, Clock clock) {
        this.clock = clock;
        this.perClientAddress = config.devices().perClientAddress();
        this.perDevice = config.devices().perDevice();
        this.window = config.devices().window();
        this.buckets = Caffeine.newBuilder().maximumSize(config.devices().trackedKeys()).expireAfterAccess(window).build();
    }

    /** Takes one request from the client address's bucket, then the device's; 429 with Retry-After when either is empty. */
    void check(String clientAddress, String deviceRef) {
        take("address " + clientAddress, perClientAddress, "this client address");
        take(deviceRef, perDevice, "this device");
    }

    private void take(String key, int capacity, String who) {
        Duration wait = buckets.get(key, k -> new Bucket(capacity)).take(clock.instant(), capacity, window);
        if (wait != null) {
            throw ProblemException.tooManyRequests(who + " made more than " + capacity + " requests in " + window
                    + " to the device endpoints; try again later", wait);
        }
    }

    /** Tokens refilled evenly, {@code capacity} per window. */
    static final class Bucket {

        private double tokens;
        private Instant last;

        Bucket(int capacity) {
            this.tokens = capacity;
        }

        /** Null when a token was taken, otherwise how long until one is there. */
        synchronized Duration take(Instant now, int capacity, Duration window) {
            double perNano = (double) capacity / window.toNanos();
            if (last != null && now.isAfter(last)) {
                tokens = Math.min(capacity, tokens + Duration.between(last, now).toNanos() * perNano);
            }
            // a clock set back (another instant, a test) restarts the refill from now rather than waiting for the old one
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return null;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
        }
    }
}
