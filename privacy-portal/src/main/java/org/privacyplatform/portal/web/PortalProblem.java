package org.privacyplatform.portal.web;

/**
 * A page the portal cannot show or an action it refuses, with the HTTP status and the message key of the sentence
 * the person reads (in their language).
 */
public class PortalProblem extends RuntimeException {

    private final int status;
    private final String messageKey;

    public PortalProblem(int status, String messageKey) {
        super(messageKey);
        this.status = status;
        this.messageKey = messageKey;
    }

    public static PortalProblem notFound(String messageKey) {
        return new PortalProblem(404, messageKey);
    }

    public static PortalProblem badRequest(String messageKey) {
        return new PortalProblem(400, messageKey);
    }

    public static PortalProblem forbidden(String messageKey) {
        return new PortalProblem(403, messageKey);
    }

    public int status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }
}
