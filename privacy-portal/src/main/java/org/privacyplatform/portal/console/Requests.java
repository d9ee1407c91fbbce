package org.privacyplatform.portal.console;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.privacyplatform.portal.api.Paging;
import org.privacyplatform.portal.api.Request;
import org.privacyplatform.portal.api.RightsApi;

/**
 * The console's reading of rights-request-service: the queue, page by page (pages hold at most 500), and the
 * figures of the front page. Every call carries the person's own token.
 */
@ApplicationScoped
public class Requests {

    static final List<String> OPEN = List.of("RECEIVED", "IDENTITY_VERIFIED", "IN_PROGRESS");
    static final List<String> CLOSED = List.of("COMPLETED", "PARTIALLY_COMPLETED", "REJECTED");
    static final List<String> STATUSES = List.of("RECEIVED", "IDENTITY_VERIFIED", "IN_PROGRESS", "COMPLETED",
            "PARTIALLY_COMPLETED", "REJECTED");
    static final List<String> TYPES = List.of("ACCESS", "RECTIFICATION", "ERASURE", "RESTRICTION", "PORTABILITY",
            "OBJECTION", "POST_MORTEM_INSTRUCTIONS");
    /** Pages of 500, at most 10 per status, so that a huge backlog never holds a page for long. */
    static final Paging PAGING = new Paging(500, 10);

    private final RightsApi rights;
    private final ConsoleTime time;

    public Requests(@RestClient RightsApi rights, ConsoleTime time) {
        this.rights = rights;
        this.time = time;
    }

    /** Every request of a status (or the overdue ones, status null), up to the bound. */
    List<Request> all(String status, boolean overdue) {
        return PAGING.all((page, size) -> rights.search(status, overdue ? Boolean.TRUE : null, page, size));
    }

    /** The queue: the requests of the statuses asked (the open ones by default), of a type, soonest due first. */
    List<RequestRow> queue(String status, String type, boolean overdueOnly) {
        List<Request> found = new ArrayList<>();
        for (String s : status == null ? OPEN : List.of(status)) {
            found.addAll(all(s, false));
        }
        OffsetDateTime now = time.now();
        return found.stream().filter(r -> type == null || type.equals(r.type()))
                .map(r -> RequestRow.of(r, now)).filter(row -> !overdueOnly || row.overdue())
                .sorted(Comparator.comparing((RequestRow row) -> row.request().dueAt(),
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** The front page's figures. */
    Figures figures() {
        Map<String, Integer> open = new TreeMap<>(Comparator.comparingInt(OPEN::indexOf));
        for (String status : OPEN) {
            open.put(status, all(status, false).size());
        }
        int overdue = all(null, true).size();
        OffsetDateTime since = time.now().minusDays(30);
        List<Duration> answered = new ArrayList<>();
        for (String status : CLOSED) {
            for (Request r : all(status, false)) {
                if (r.closedAt() != null && r.closedAt().isAfter(since) && r.receivedAt() != null) {
                    answered.add(Duration.between(r.receivedAt(), r.closedAt()));
                }
            }
        }
        return new Figures(open, overdue, answered.size(), median(answered));
    }

    static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    /** Open requests by status, how many are overdue, and the last 30 days' closed requests with their median time. */
    public record Figures(Map<String, Integer> open, int overdue, int closedLast30Days, Duration medianTimeToAnswer) {

        public int getOpenTotal() {
            return open.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The median in days, one decimal ("2.5"); null when nothing was closed. */
        public String getMedianDays() {
            if (medianTimeToAnswer == null) {
                return null;
            }
            return String.format(java.util.Locale.ROOT, "%.1f", medianTimeToAnswer.toMinutes() / 1440.0);
        }
    }
}
