package org.privacyplatform.portal.centre;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a refusal of rights-request-service says (its RFC 9457 problem), read once: the status, the detail a person
 * is shown (the services never put personal data in one), and for a paid copy of an export (402), the fee.
 */
record ServiceAnswer(int status, String detail, Fee fee) {

    /** Which copy, how much, in which currency, as the service asked (FeeProblem.fee). */
    record Fee(int copy, BigDecimal amount, String currency) {

        /** The amount as the person's language writes money (10,00 € or €10.00). */
        String shown(Locale locale) {
            try {
                NumberFormat format = NumberFormat.getCurrencyInstance(locale);
                format.setCurrency(Currency.getInstance(currency));
                return format.format(amount);
            } catch (IllegalArgumentException unknownCurrency) {
                return amount.toPlainString() + " " + currency;
            }
        }
    }

    /** A refusal the person may act on (the form is shown again): bad input, not allowed, a conflict. */
    boolean isRefusal() {
        return status == 400 || status == 403 || status == 409 || status == 422;
    }

    static int status(WebApplicationException failure) {
        Response answer = failure.getResponse();
        return answer == null ? 502 : answer.getStatus();
    }

    static ServiceAnswer of(WebApplicationException failure, ObjectMapper json) {
        return of(failure.getResponse(), json);
    }

    static ServiceAnswer of(Response answer, ObjectMapper json) {
        if (answer == null) {
            return new ServiceAnswer(502, null, null);
        }
        String detail = null;
        Fee fee = null;
        try {
            if (answer.hasEntity()) {
                JsonNode problem = json.readTree(answer.readEntity(String.class));
                detail = problem.path("detail").asText(null);
                if (detail == null) {
                    detail = problem.path("title").asText(null);
                }
                JsonNode asked = problem.path("fee");
                if (asked.hasNonNull("amount") && asked.hasNonNull("currency")) {
                    fee = new Fee(asked.path("copy").asInt(0), new BigDecimal(asked.path("amount").asText()),
                            asked.path("currency").asText());
                }
            }
        } catch (RuntimeException | java.io.IOException unreadable) {
            // no readable problem: the status alone
        }
        if (detail != null && detail.length() > 2000) {
            detail = detail.substring(0, 2000);
        }
        return new ServiceAnswer(answer.getStatus(), detail, fee);
    }
}
