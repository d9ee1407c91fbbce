package org.privacyplatform.commons.events;

import java.time.LocalDate;

/** A subject's death was recorded; {@code instructionsApplied} counts the post-mortem instructions applied. */
public record DeathRecorded(String subjectId, LocalDate diedOn, int instructionsApplied) {
}
