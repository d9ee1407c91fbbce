package org.privacyplatform.consent.client;

/** The consent service could not answer (unreachable, refused the token, or an unexpected answer). */
public class ConsentClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConsentClientException(String message) {
        super(message);
    }

    public ConsentClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
