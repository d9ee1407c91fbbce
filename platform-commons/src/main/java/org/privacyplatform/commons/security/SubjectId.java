package org.privacyplatform.commons.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A pseudonymous subject id: the identity provider's {@code sub} (a UUID for Keycloak) or another opaque
 * id, at most 64 characters of letters, digits and {@code . _ : -}. Never a name or an e-mail address.
 */
@NotBlank
@Size(max = SubjectId.MAX_LENGTH)
@Pattern(regexp = SubjectId.PATTERN, message = "must be 1-64 characters of letters, digits, '.', '_', ':' or '-'")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE })
public @interface SubjectId {

    int MAX_LENGTH = 64;
    String PATTERN = "^[A-Za-z0-9._:-]{1,64}$";
    /** What a refused id is told, by the annotation and by {@link Check} alike. */
    String MESSAGE = "is not a valid subject id";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * The annotation's rule without Bean Validation, for hot paths (the decision API): {@link #PATTERN} compiled once.
     * It is the whole rule: an id it matches is neither blank nor over {@link #MAX_LENGTH} characters.
     */
    final class Check {

        private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

        private Check() {
        }

        /** Whether {@code @SubjectId} accepts {@code value} (null is refused, as {@code @NotBlank} refuses it). */
        public static boolean isValid(String value) {
            return value != null && COMPILED.matcher(value).matches();
        }
    }
}
