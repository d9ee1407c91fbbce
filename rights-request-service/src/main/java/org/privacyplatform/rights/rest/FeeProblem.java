package org.privacyplatform.rights.rest;

import java.math.BigDecimal;
import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem+json for a paid copy not yet agreed to (402), with the fee as an extension member so that a
 * client can show the amount before the subject agrees.
 */
@Schema(name = "FeeProblem", description = "A paid copy of the export (Art. 15(3)) that the caller has not agreed to: "
        + "its fee; the same download with acceptFee=true agrees")
public record FeeProblem(URI type, String title, int status, String detail, URI instance, FeeAsked fee) {

    public record FeeAsked(@Schema(description = "which copy it would be") int copy, BigDecimal amount, String currency) {
    }

}
