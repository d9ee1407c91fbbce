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
}
