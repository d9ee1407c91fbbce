package org.privacyplatform.portal.centre;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.resteasy.reactive.RestForm;

/**
 * What a person typed in the form of a new request, checked for length and shape before anything is sent, and turned
 * into the request's {@code details} for its type. The subject is never a field: it is always the viewer's own.
 */
public class RequestForm {

    /** The kinds of request a subject files here (post-mortem instructions have a page of their own). */
    public static final List<String> TYPES = List.of("ACCESS", "RECTIFICATION", "ERASURE", "RESTRICTION", "PORTABILITY",
            "OBJECTION");
    /** Art. 17(1) (a)-(f); NONE: the subject does not say. */
    public static final List<String> ERASURE_GROUNDS = List.of("NONE", "NO_LONGER_NEEDED", "CONSENT_WITHDRAWN",
            "OBJECTION", "UNLAWFUL", "LEGAL_OBLIGATION", "CHILD");
    /** Art. 18(1) (a)-(d). */
    public static final List<String> RESTRICTION_GROUNDS = List.of("ACCURACY_CONTESTED", "UNLAWFUL_PROCESSING",
            "LEGAL_CLAIMS", "OBJECTION_PENDING");
    public static final List<String> OBJECTION_SCOPES = List.of("ALL", "DIRECT_MARKETING", "SELECTED");
    /** Lines of corrections the form offers. */
    public static final int CORRECTIONS = 3;
    static final int MAX_TEXT = 2000;
    static final int MAX_FIELD = 100;
    static final int MAX_VALUE = 2000;
    static final int MAX_PURPOSES = 50;

    @RestForm
    public String type;

    @RestForm
    public String note;

    @RestForm
    public List<String> correctionField;

    @RestForm
    public List<String> correctionValue;

    @RestForm
    public String ground;

    @RestForm
    public String objectTo;

    @RestForm
    public List<String> purposeIds;

    private final Map<String, String> errors = new LinkedHashMap<>();

    /** An empty form of a type. */
    public static RequestForm of(String type) {
        RequestForm form = new RequestForm();
        form.type = type;
        return form;
    }

    /** One line of the corrections, as typed. */
    public record Correction(int n, String field, String value) {
    }

    public List<Correction> getCorrections() {
        List<Correction> lines = new ArrayList<>();
        for (int i = 0; i < CORRECTIONS; i++) {
            lines.add(new Correction(i + 1, at(correctionField, i), at(correctionValue, i)));
        }
        return lines;
    }

    public String getNoteText() {
        return note == null ? "" : note;
    }

    public List<String> getErasureGrounds() {
        return ERASURE_GROUNDS;
    }

    public List<String> getRestrictionGrounds() {
        return RESTRICTION_GROUNDS;
    }

    public List<String> getObjectionScopes() {
        return OBJECTION_SCOPES;
    }

    /** A problem with what was typed: the field (its element id is field-NAME) and the message key. */
    public record FieldError(String field, String key) {
    }

    public List<FieldError> getErrorList() {
        return errors.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
    }

    public boolean isChosen(String purposeId) {
        return purposeIds != null && purposeIds.contains(purposeId);
    }

    public boolean isGround(String value) {
        return value.equals(ground) || ("NONE".equals(value) && (ground == null || ground.isEmpty()));
    }

    public boolean isObjectTo(String value) {
        return value.equals(objectTo);
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /**
     * Checks what was typed (the message key of each problem, by field) and answers the request's details.
     *
     * @param objectable the ids of the purposes one may object to (legitimate interests, direct marketing)
     * @param directMarketing the ids of the direct-marketing purposes
     */
    public Map<String, Object> details(Set<String> objectable, Set<String> directMarketing) {
        errors.clear();
        Map<String, Object> details = new LinkedHashMap<>();
        String text = trimmed(note);
        if (text != null && text.length() > MAX_TEXT) {
            errors.put("note", "error_too_long");
        }
        switch (type) {
            case "RECTIFICATION" -> {
                Map<String, String> corrections = new LinkedHashMap<>();
                boolean bad = false;
                for (Correction line : getCorrections()) {
                    String field = trimmed(line.field());
                    String value = trimmed(line.value());
                    if (field == null && value == null) {
                        continue;
                    }
                    if (field == null || value == null || field.length() > MAX_FIELD || value.length() > MAX_VALUE) {
                        bad = true;
                    } else {
                        corrections.put(field, value);
                    }
                }
                if (bad) {
                    errors.put("corrections", "error_correction_pair");
                } else if (corrections.isEmpty()) {
                    errors.put("corrections", "error_corrections");
                }
                details.put("corrections", corrections);
            }
            case "ERASURE" -> {
                if (ground != null && !ground.isEmpty() && !ERASURE_GROUNDS.contains(ground)) {
                    errors.put("ground", "error_erasure_ground");
                } else if (ground != null && !ground.isEmpty() && !"NONE".equals(ground)) {
                    details.put("ground", ground);
                }
            }
            case "RESTRICTION" -> {
                if (ground == null || !RESTRICTION_GROUNDS.contains(ground)) {
                    errors.put("ground", "error_restriction_ground");
                } else {
                    details.put("ground", ground);
                }
            }
            case "OBJECTION" -> {
                if (objectTo == null || !OBJECTION_SCOPES.contains(objectTo)) {
                    errors.put("objectTo", "error_objection_scope");
                } else if ("ALL".equals(objectTo)) {
                    details.put("purposeIds", List.of());
                    details.put("directMarketingOnly", false);
                } else if ("DIRECT_MARKETING".equals(objectTo)) {
                    details.put("purposeIds", List.copyOf(directMarketing));
                    details.put("directMarketingOnly", true);
                } else {
                    List<String> chosen = purposeIds == null ? List.of()
                            : purposeIds.stream().filter(p -> p != null && !p.isEmpty()).distinct().toList();
                    if (chosen.isEmpty() || chosen.size() > MAX_PURPOSES || !objectable.containsAll(chosen)) {
                        errors.put("purposeIds", "error_objection_purposes");
                    }
                    details.put("purposeIds", chosen);
                    details.put("directMarketingOnly", false);
                }
            }
            default -> {
                // access and portability need nothing more than the subject
            }
        }
        if (text != null) {
            details.put("note", text);
        }
        return details;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
