package org.privacyplatform.portal.centre;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.privacyplatform.portal.api.Request;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request as its subject reads it: the clock in plain words, what they asked, each step, each recipient's answer
 * (what was erased, what was kept, why and until when), a refusal with where to complain, and whether their data can
 * be downloaded. The words come from the request's language ({@link ReqMsg}).
 */
public class RequestCard {

    /** Newest first. */
    static final Comparator<Request> NEWEST_FIRST = Comparator.comparing(Request::receivedAt,
            Comparator.nullsLast(Comparator.reverseOrder()));

    private static final Pattern OUTCOME = Pattern.compile("OUTCOME (\\S{1,64}) (\\S{1,16})");
    private static final Pattern EXPORT = Pattern.compile("(EXPORTED|EXPORT RETRIED) copy (\\d{1,6})");

    private final Request request;
    private final ReqMsg words;
    private final Locale locale;
    private final Map<String, String> purposeNames;

    public RequestCard(Request request, ReqMsg words, Locale locale, Map<String, String> purposeNames) {
        this.request = request;
        this.words = words;
        this.locale = locale;
        this.purposeNames = purposeNames;
    }

    public Request getRequest() {
        return request;
    }

    public String getTypeKey() {
        return "type_" + request.type();
    }

    public String getStatusKey() {
        return "status_" + request.status();
    }

    /** Access and portability, once the identity is verified: the data can be downloaded. */
    public boolean isExportable() {
        return isExportType() && ("IN_PROGRESS".equals(request.status()) || "COMPLETED".equals(request.status()));
    }

    public boolean isExportType() {
        return "ACCESS".equals(request.type()) || "PORTABILITY".equals(request.type());
    }

    public int getExportCopies() {
        return request.exportCopies() == null ? 0 : request.exportCopies();
    }

    public boolean isExtended() {
        return request.extension() != null;
    }

    public String getExtensionText() {
        Request.Extended extension = request.extension();
        return extension == null ? null : words.detail_extension_text(day(extension.firstDueAt()), day(extension.dueAt()),
                extension.reason() == null ? "" : extension.reason());
    }

    public String getRejectionGroundKey() {
        return request.rejection() == null ? null : "ground_" + request.rejection().ground();
    }

    /** The complaint authority's address, only if it is a web address (it comes from the service's configuration). */
    public String getComplaintUrl() {
        Request.Complaint complaint = request.complaint();
        return complaint != null && complaint.url() != null && complaint.url().matches("https?://[^\\s\"'<>]{1,500}")
                ? complaint.url() : null;
    }

    /** What the subject asked, in lines of plain words (the details of their request). */
    public List<String> getAsked() {
        List<String> lines = new ArrayList<>();
        JsonNode details = request.details();
        if (details == null || !details.isObject()) {
            return lines;
        }
        details.path("corrections").fields()
                .forEachRemaining(e -> lines.add(words.detail_correction(e.getKey(), e.getValue().asText())));
        String ground = details.path("ground").asText(null);
        if (ground != null) {
            String key = ("RESTRICTION".equals(request.type()) ? "restriction_" : "erasure_") + ground;
            lines.add(words.detail_ground(text(key, ground)));
        }
        if ("OBJECTION".equals(request.type())) {
            List<String> names = new ArrayList<>();
            details.path("purposeIds").forEach(p -> names.add(purposeNames.getOrDefault(p.asText(), p.asText())));
            if (details.path("directMarketingOnly").asBoolean(false)) {
                lines.add(words.objection_DIRECT_MARKETING());
            } else {
                lines.add(words.detail_purposes(names.isEmpty() ? words.detail_all_purposes() : String.join(", ", names)));
            }
        }
        String note = details.path("note").asText(null);
        if (note != null) {
            lines.add(words.detail_note(note));
        }
        return lines;
    }

    /** One step of the request's history. {@code note} is the service's own (English) words, if any. */
    public record Step(OffsetDateTime at, String text, String who, String note) {
    }

    public List<Step> getSteps() {
        List<Step> steps = new ArrayList<>();
        if (request.history() == null) {
            return steps;
        }
        for (Request.Step step : request.history()) {
            String action = step.action() == null ? "" : step.action();
            Matcher outcome = OUTCOME.matcher(action);
            Matcher export = EXPORT.matcher(action);
            String text;
            if (outcome.matches()) {
                text = words.step_OUTCOME(outcome.group(1), text("outcome_" + outcome.group(2), outcome.group(2)));
            } else if (export.matches()) {
                text = "EXPORTED".equals(export.group(1)) ? words.step_EXPORTED(export.group(2))
                        : words.step_EXPORT_RETRIED(export.group(2));
            } else {
                text = text("step_" + action, action);
            }
            String who = step.actorType() == null ? "" : text("actor_" + step.actorType(), step.actorType());
            // an extension's reasons are shown in the subject's words above; a rejection's detail below
            String note = "EXTENDED".equals(action) || "REJECTED".equals(action) ? null : step.note();
            steps.add(new Step(step.at(), text, who, note));
        }
        return steps;
    }

    /** What a recipient erased: a category and how many. */
    public record Erased(String category, String count) {
    }

    /** What a recipient kept: a category, how many, on which ground, until when. */
    public record Kept(String category, String count, String ground, LocalDate until) {
    }

    /** One recipient's answer (Art. 19). */
    public record Answer(String recipientId, String statusKey, OffsetDateTime reportedAt, String note, List<Erased> erased,
            List<Kept> kept) {
    }

    public List<Answer> getAnswers() {
        List<Answer> answers = new ArrayList<>();
        if (request.outcomes() == null) {
            return answers;
        }
        for (Request.Outcome o : request.outcomes()) {
            List<Erased> erased = new ArrayList<>();
            if (o.erased() != null) {
                o.erased().forEach(i -> erased.add(new Erased(i.path("category").asText(""), count(i))));
            }
            List<Kept> kept = new ArrayList<>();
            if (o.kept() != null) {
                o.kept().forEach(i -> kept.add(new Kept(i.path("category").asText(""), count(i), i.path("ground").asText(""),
                        date(i.path("keptUntil").asText(null)))));
            }
            answers.add(new Answer(o.recipientId(), "outcome_" + o.status(), o.reportedAt(), o.note(), erased, kept));
        }
        return answers;
    }

    private static String count(JsonNode item) {
        return item.hasNonNull("count") ? item.path("count").asText() : "–";
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException unreadable) {
            return null;
        }
    }

    /** A message of the bundle by key, or the raw value when the bundle has no such key (a value the portal does not know). */
    private String text(String key, String fallback) {
        try {
            java.lang.reflect.Method method = ReqMsg.class.getMethod(key);
            return (String) method.invoke(words);
        } catch (ReflectiveOperationException | RuntimeException unknown) {
            return fallback;
        }
    }

    String day(OffsetDateTime time) {
        return time == null ? "" : time.format(DateTimeFormatter.ofPattern("d MMMM uuuu", locale));
    }
}
