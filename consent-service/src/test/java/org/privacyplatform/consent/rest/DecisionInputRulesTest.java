package org.privacyplatform.consent.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.privacyplatform.commons.problem.Problem;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.security.SubjectId;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Pattern;

/**
 * The decision API checks its ids by hand (no Bean Validation on the hot path): it must accept and refuse exactly what
 * the annotations do, and name the same fields with the same messages.
 */
class DecisionInputRulesTest {

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    static final List<String> SAMPLES = Arrays.asList(null, "", " ", "a", "A", "0", "-", ".", "_", ":", "a b", " a",
            "a ", "a\n", "\na", "a\t", "a\r\n", "*", "bad*id", "a/b", "a%2Fb", "é", "ａ", "٣", "a-b", "-a", "a-",
            "newsletter", "news_letter", "News", "subj-" + "0".repeat(59), "s".repeat(63), "s".repeat(64),
            "s".repeat(65), "p" + "-".repeat(63), "p" + "-".repeat(64), "0" + "a".repeat(63), "x:y.z_w-1",
            "a$", "^a", "a\u0000", "\u00a0");

    record Annotated(@SubjectId String subjectId,
            @Pattern(regexp = Ids.PURPOSE_ID, message = Ids.PURPOSE_ID_MESSAGE) String purposeId) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void theHandChecksAcceptExactlyWhatTheAnnotationsAccept() {
        for (String sample : SAMPLES) {
            assertThat(SubjectId.Check.isValid(sample)).as("subject id %s", quoted(sample))
                    .isEqualTo(VALIDATOR.validateValue(Annotated.class, "subjectId", sample).isEmpty());
            if (sample != null) { // @Pattern lets null pass: the path parameter is never null, the body's is @NotNull
                assertThat(Ids.isPurposeId(sample)).as("purpose id %s", quoted(sample))
                        .isEqualTo(VALIDATOR.validateValue(Annotated.class, "purposeId", sample).isEmpty());
            }
        }
    }

    @Test
    void aBatchIsRefusedWithTheFieldsAndMessagesBeanValidationGave() {
        List<BatchDecisionResource.BatchDecisionRequest> requests = new ArrayList<>();
        requests.add(new BatchDecisionResource.BatchDecisionRequest("newsletter", List.of("a", "b")));
        requests.add(new BatchDecisionResource.BatchDecisionRequest(null, null));
        requests.add(new BatchDecisionResource.BatchDecisionRequest("Bad", List.of()));
        requests.add(new BatchDecisionResource.BatchDecisionRequest("", SAMPLES));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < BatchDecisionResource.MAX_SUBJECTS + 1; i++) {
            many.add(i % 97 == 3 ? "bad id" : "id-" + i);
        }
        requests.add(new BatchDecisionResource.BatchDecisionRequest("newsletter", many));
        requests.add(new BatchDecisionResource.BatchDecisionRequest("newsletter", many.subList(0, 3)));
        requests.add(new BatchDecisionResource.BatchDecisionRequest("newsletter", many.subList(5, 1000)));
        for (BatchDecisionResource.BatchDecisionRequest request : requests) {
            List<Problem.FieldError> annotated = VALIDATOR.validate(request).stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage())).toList();
            ProblemException refused = catchThrowableOfType(ProblemException.class,
                    () -> BatchDecisionResource.check(request));
            if (annotated.isEmpty()) {
                assertThat(refused).as("%s", request).isNull();
                continue;
            }
            assertThat(refused).as("%s", request).isNotNull();
            Problem expected = ProblemException.invalid(annotated).toProblem();
            Problem actual = refused.toProblem();
            assertThat(actual.status()).isEqualTo(400);
            assertThat(actual.title()).isEqualTo(expected.title());
            // two violations of one field (a null id) come in no promised order: compare them as a multiset
            Comparator<Problem.FieldError> order = Comparator.comparing(Problem.FieldError::field)
                    .thenComparing(Problem.FieldError::detail);
            assertThat(actual.errors().stream().sorted(order).toList())
                    .isEqualTo(expected.errors().stream().sorted(order).toList());
            assertThat(actual.errors()).extracting(Problem.FieldError::field)
                    .isEqualTo(expected.errors().stream().map(Problem.FieldError::field).toList());
            if (actual.errors().stream().map(Problem.FieldError::field).distinct().count() == actual.errors().size()) {
                assertThat(actual.detail()).isEqualTo(expected.detail());
            }
        }
    }

    private static String quoted(String s) {
        return s == null ? "null" : "'" + s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "'";
    }
}
