package org.privacyplatform.rights.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.privacyplatform.commons.security.SubjectId;
import org.privacyplatform.rights.PostMortemInstructions;
import org.privacyplatform.rights.PostMortemInstructions.Choice;
import org.privacyplatform.rights.RecordedDeath;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the post-mortem instructions API accepts and answers. */
public final class PostMortemBodies {

    private PostMortemBodies() {
    }

    /** {@code PUT /subjects/{subjectId}/post-mortem-instructions}: the instructions, replacing those in force. */
    public record InstructionsBody(
            @Schema(description = "GENERAL: all the subject's data; SPECIFIC: the data or processing named in scope")
            @NotNull @Pattern(regexp = "GENERAL|SPECIFIC", message = "must be GENERAL or SPECIFIC") String kind,
            @Schema(description = "what is to happen to the data after the subject's death") @NotNull Choice choice,
            @Schema(description = "SPECIFIC: which data or processing they concern") @Size(max = 2000) String scope,
            @Schema(description = "the person to act on them: required for PASS_TO_DESIGNATED_PERSON")
            @Valid DesignatedPerson designatedPerson) {
    }

    /**
     * The designated person: a subject of the platform (who can then act with their own token), or a name and a
     * contact (whom the DPO reaches).
     */
    public record DesignatedPerson(
            @Size(max = SubjectId.MAX_LENGTH) @Pattern(regexp = SubjectId.PATTERN, message = "is not a valid subject id")
            String subjectId,
            @Size(max = 200) String name, @Size(max = 320) String contact) {
    }

    /** One version of the instructions; {@code kind} REVOKED records a revocation. */
    public record InstructionsVersion(int version, String kind, Choice choice, String scope,
            DesignatedPerson designatedPerson, OffsetDateTime recordedAt, String actorType, String actor) {

        static InstructionsVersion of(PostMortemInstructions v) {
            DesignatedPerson person = v.designatedSubjectId == null && v.designatedName == null ? null
                    : new DesignatedPerson(v.designatedSubjectId, v.designatedName, v.designatedContact);
            return new InstructionsVersion(v.version, v.kind.name(), v.choice, v.scope, person, v.recordedAt,
                    v.actorType.name(), v.actor);
        }
    }

    /** The death as recorded, and which version of the instructions it applied. */
    public record DeathRecord(LocalDate diedOn, OffsetDateTime recordedAt,
            @Schema(description = "the version applied; null when none was in force") Integer appliedVersion,
            Choice appliedChoice) {

        static DeathRecord of(RecordedDeath d) {
            return d == null ? null : new DeathRecord(d.diedOn, d.recordedAt, d.appliedVersion, d.appliedChoice);
        }
    }

    /** A subject's post-mortem instructions: those in force, every version, and their death once recorded. */
    @Schema(name = "PostMortemInstructions")
    public record InstructionsView(String subjectId,
            @Schema(description = "the instructions in force; null when none were registered or the last were revoked")
            InstructionsVersion current,
            @Schema(description = "every registration, replacement and revocation, oldest first") List<InstructionsVersion> versions,
            @Schema(description = "the death, once the DPO recorded it") DeathRecord death,
            @Schema(description = "what the law says and what the platform does") String notice) {
    }

    /** {@code POST /subjects/{subjectId}/death}: what was recorded and the requests it filed or closed. */
    public record DeathView(String subjectId, DeathRecord death, InstructionsVersion appliedInstructions,
            List<RequestView> requests) {
    }
}
