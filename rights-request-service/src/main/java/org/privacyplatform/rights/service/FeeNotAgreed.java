package org.privacyplatform.rights.service;

import java.math.BigDecimal;

import org.privacyplatform.commons.problem.ProblemException;

/**
 * Art. 15(3): this copy of the export is a paid one and the caller has not yet agreed to its fee. Nothing was
 * assembled or counted; the answer tells the amount, and the same download with {@code acceptFee=true} agrees.
 */
public class FeeNotAgreed extends ProblemException {

    private final int copy;
    private final BigDecimal amount;
    private final String currency;

    public FeeNotAgreed(int copy, BigDecimal amount, String currency) {
        super(402, "Payment Required", "copy " + copy + " of this export costs " + amount.toPlainString() + " " + currency
                + " (Art. 15(3) GDPR: the first copy is free, a reasonable fee applies to further copies); nothing was "
                + "produced or counted: download again with acceptFee=true to agree to the fee");
        this.copy = copy;
        this.amount = amount;
        this.currency = currency;
    }

    public int copy() {
        return copy;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }
}
