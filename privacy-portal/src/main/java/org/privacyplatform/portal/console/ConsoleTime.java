package org.privacyplatform.portal.console;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The console's clock (one place, so that "overdue" and "due within 7 days" are testable), and how its pages write
 * times: UTC, to the minute, the same for every reader.
 */
@ApplicationScoped
public class ConsoleTime {

    static final Duration DUE_SOON = Duration.ofDays(7);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final Clock clock;

    public ConsoleTime() {
        this(Clock.systemUTC());
    }

    ConsoleTime(Clock clock) {
        this.clock = clock;
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** {@code {time.consoleDay}}: the day in UTC. */
    @TemplateExtension
    static String consoleDay(OffsetDateTime time) {
        return time == null ? "" : time.withOffsetSameInstant(ZoneOffset.UTC).format(DAY);
    }

    /** {@code {time.consoleTime}}: to the minute, in UTC. */
    @TemplateExtension
    static String consoleTime(OffsetDateTime time) {
        return time == null ? "" : time.withOffsetSameInstant(ZoneOffset.UTC).format(MINUTE);
    }

    /** {@code {instant.consoleInstant}}. */
    @TemplateExtension
    static String consoleInstant(java.time.Instant time) {
        return time == null ? "" : MINUTE.format(time.atOffset(ZoneOffset.UTC));
    }
}
