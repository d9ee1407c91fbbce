package org.privacyplatform.consent.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The token bucket behind the device endpoints' limits. */
class DeviceRateLimiterTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final Instant start = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void aFullBucketGivesItsCapacityThenSaysHowLongUntilTheNextToken() {
        DeviceRateLimiter.Bucket bucket = new DeviceRateLimiter.Bucket(30);
        for (int i = 0; i < 30; i++) {
            assertThat(bucket.take(start, 30, MINUTE)).isNull();
        }
        // 30 a minute: one every 2 seconds
        assertThat(bucket.take(start, 30, MINUTE)).isBetween(Duration.ofMillis(1999), Duration.ofMillis(2001));
        assertThat(bucket.take(start.plusSeconds(1), 30, MINUTE)).isBetween(Duration.ofMillis(999), Duration.ofMillis(1001));
        Instant next = start.plusMillis(2010);
        assertThat(bucket.take(next, 30, MINUTE)).isNull();
        assertThat(bucket.take(next, 30, MINUTE)).isNotNull();
    }

    @Test
    void aBucketRefillsEvenlyAndNeverBeyondItsCapacity() {
        DeviceRateLimiter.Bucket bucket = new DeviceRateLimiter.Bucket(10);
        for (int i = 0; i < 10; i++) {
            bucket.take(start, 10, MINUTE);
        }
        Instant later = start.plus(Duration.ofHours(5));
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.take(later, 10, MINUTE)).isNull();
        }
        assertThat(bucket.take(later, 10, MINUTE)).isNotNull();
    }

    @Test
    void aClockSetBackNeitherRefillsNorBlocksForever() {
        DeviceRateLimiter.Bucket bucket = new DeviceRateLimiter.Bucket(2);
        bucket.take(start, 2, MINUTE);
        bucket.take(start, 2, MINUTE);
        Instant earlier = start.minus(Duration.ofDays(1));
        assertThat(bucket.take(earlier, 2, MINUTE)).isNotNull();
        // the refill restarts from the earlier instant
        assertThat(bucket.take(earlier.plusSeconds(31), 2, MINUTE)).isNull();
    }
}
