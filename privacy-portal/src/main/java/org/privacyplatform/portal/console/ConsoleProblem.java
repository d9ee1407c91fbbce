package org.privacyplatform.portal.console;

/** A console form the portal refuses before calling a service: the status and the key (bundle con) of the sentence. */
class ConsoleProblem extends RuntimeException {

    final int status;
    final String messageKey;

    ConsoleProblem(int status, String messageKey) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
    }

    static ConsoleProblem badRequest(String messageKey) {
        return new ConsoleProblem(400, messageKey);
    }

    /**
     * A read the service may refuse to this role (the auditor, where a service keeps a list to the dpo): its 403
     * becomes the console's own page saying what is not shown and why, instead of a bare refusal.
     */
    static <T> T readable(java.util.function.Supplier<T> read, String messageKey) {
        try {
            return read.get();
        } catch (jakarta.ws.rs.WebApplicationException refused) {
            if (refused.getResponse() != null && refused.getResponse().getStatus() == 403) {
                throw new ConsoleProblem(403, messageKey);
            }
            throw refused;
        }
    }
}
