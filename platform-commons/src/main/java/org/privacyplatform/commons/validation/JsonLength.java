package org.privacyplatform.commons.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Bounds a free-form JSON field (an object a client fills as it likes) by the length of its JSON text, so that
 * no such field grows a record, or the event it becomes, past what the database and the broker take.
 */
@Documented
@Constraint(validatedBy = JsonLength.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface JsonLength {

    /** Characters of the field's compact JSON text, at most. */
    int max();

    String message() default "must be at most {max} characters of JSON";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<JsonLength, JsonNode> {

        private int max;

        @Override
        public void initialize(JsonLength constraint) {
            this.max = constraint.max();
        }

        @Override
        public boolean isValid(JsonNode value, ConstraintValidatorContext context) {
            return value == null || value.toString().length() <= max;
        }
    }
}
