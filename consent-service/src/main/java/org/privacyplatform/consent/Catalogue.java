package org.privacyplatform.consent;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The DPO's processing catalogue: everything the privacy notice and the Art. 30 record say beyond what the platform
 * already enforces (the purposes' legal bases and notices, the retention service's rules). Purposes and retention
 * rules are named by their ids; the lists of data categories, subject categories, sources, recipients and security
 * measures are named by the ids given here. Every text is in English and French. Bounded everywhere: the catalogue
 * travels as one document (at most the service's body limit, 72 KiB).
 */
public record Catalogue(
        @NotNull @Valid Party controller,
        @NotNull @Valid Party dpo,
        @NotNull @Valid Text supervisoryAuthority,
        @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Valid Item> dataCategories,
        @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Valid Item> subjectCategories,
        @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Valid Item> sources,
        @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Valid Item> recipients,
        @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Valid Item> securityMeasures,
        @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Valid Right> rights,
        @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Valid RetentionAim> retention,
        @NotNull @Size(max = MAX_PURPOSES) List<@NotNull @Valid PurposeEntry> purposes) {

    public static final int MAX_ITEMS = 50;
    public static final int MAX_PURPOSES = 200;
    public static final int MAX_TEXT = 2000;
    public static final String ID = "^[a-z0-9][a-z0-9-]{0,63}$";
    public static final String ID_MESSAGE = "must be 1-64 characters of lower-case letters, digits and '-'";

    /** A text in each language of the notice. */
    public record Text(@NotBlank @Size(max = MAX_TEXT) String en, @NotBlank @Size(max = MAX_TEXT) String fr) {
    }

    /** The controller or its DPO: who, where to write, and how to reach them. */
    public record Party(
            @NotNull @Valid Text name,
            @NotBlank @Size(max = 500) String postalAddress,
            @Email @Size(max = 254) String email,
            @Size(max = 200) @Pattern(regexp = "^(https?://)?[A-Za-z0-9.-]{1,190}(/.*)?$", message = "is not a web address") String website) {
    }

    /** An entry of one of the catalogue's lists, named by its id. */
    public record Item(@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String id, @NotNull @Valid Text text) {
    }

    /** A right of the data subject as the notice explains it. */
    public record Right(@NotNull RightKind kind, @NotNull @Valid Text text) {
    }

    /** The rights the GDPR gives, and the right to leave instructions for after one's death (French law). */
    public enum RightKind {
        INFORMATION, ACCESS, RECTIFICATION, ERASURE, RESTRICTION, PORTABILITY, OBJECTION, POST_MORTEM_INSTRUCTIONS,
        WITHDRAW_CONSENT, COMPLAINT
    }

    /** What a retention rule of the retention service keeps, as the notice names it; the period is the rule's. */
    public record RetentionAim(@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String ruleId, @NotNull @Valid Text aim) {
    }

    /** A transfer outside the EU and its safeguard (Art. 46 ff.). */
    public record Transfer(@NotBlank @Size(max = 100) String destination, @NotNull @Valid Text safeguard) {
    }

    /** What the catalogue says of one purpose of the platform (its legal basis and notice are the purpose's own). */
    public record PurposeEntry(
            @NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String purposeId,
            @NotNull @Valid Text title,
            @NotNull @Valid Text statement,
            @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> dataCategories,
            @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> subjectCategories,
            @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> sources,
            @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> recipients,
            @NotNull @Size(max = MAX_ITEMS) List<@NotNull @Valid Transfer> transfers,
            @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> retentionRules,
            @NotNull @Size(min = 1, max = MAX_ITEMS) List<@NotNull @Pattern(regexp = ID, message = ID_MESSAGE) String> securityMeasures) {
    }
}
