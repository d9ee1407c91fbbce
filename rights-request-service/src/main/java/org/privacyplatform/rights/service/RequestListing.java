package org.privacyplatform.rights.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.commons.privacy.Pseudonyms;
import org.privacyplatform.rights.RecipientOutcome;
import org.privacyplatform.rights.RequestHistory;
import org.privacyplatform.rights.RequestStatus;
import org.privacyplatform.rights.RightsRequest;
import org.privacyplatform.rights.repository.RequestRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Pages of requests with their outcomes and history, read in one transaction with three queries per page
 * (never one per listed request).
 */
@ApplicationScoped
@Transactional
public class RequestListing {

    /** A request with what the API shows of it. */
    public record Listed(RightsRequest request, List<RecipientOutcome> outcomes, List<RequestHistory> history) {
    }

    private final RequestRepository requests;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    public RequestListing(RequestRepository requests, Pseudonyms pseudonyms, Clock clock) {
        this.requests = requests;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** Requests by status (all when null); {@code overdueOnly}: the open ones past their due date, soonest due first. */
    public List<Listed> search(RequestStatus status, boolean overdueOnly, PageRequest page) {
        return listed(requests.search(status, overdueOnly, OffsetDateTime.now(clock), page));
    }

    /** A page of the subject's requests, oldest first: those kept under their pseudonym after an erasure too. */
    public List<Listed> ofSubject(String subjectId, PageRequest page) {
        return listed(requests.forSubject(keys(subjectId), page));
    }

    /** Every request of the subject, read page by page (for the subject's access export). */
    public List<Listed> allOfSubject(String subjectId) {
        List<Listed> all = new java.util.ArrayList<>();
        for (PageRequest page = PageRequest.first();; page = page.next()) {
            List<RightsRequest> fetched = requests.forSubject(keys(subjectId), page);
            all.addAll(listed(fetched.subList(0, Math.min(fetched.size(), page.size()))));
            if (fetched.size() <= page.size()) {
                return all;
            }
        }
    }

    private List<String> keys(String subjectId) {
        return List.of(subjectId, pseudonyms.of(subjectId));
    }

    private List<Listed> listed(List<RightsRequest> page) {
        List<UUID> ids = page.stream().map(r -> r.id).toList();
        Map<UUID, List<RecipientOutcome>> outcomes = requests.outcomes(ids).stream()
                .collect(Collectors.groupingBy(o -> o.requestId));
        Map<UUID, List<RequestHistory>> history = requests.history(ids).stream()
                .collect(Collectors.groupingBy(h -> h.requestId));
        return page.stream().map(r -> new Listed(r, outcomes.getOrDefault(r.id, List.of()), history.getOrDefault(r.id, List.of())))
                .toList();
    }
}
