package org.privacyplatform.portal.web;

import java.util.Optional;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The portal refuses to start without its own session secret: Quarkus would otherwise make up one per start, so every
 * restart would log everyone out and two instances could not read each other's cookies. The committed value applies
 * only in the local, dev and test profiles.
 */
@Startup
@ApplicationScoped
public class SessionSecretCheck {

    static final int MIN_LENGTH = 32;

    public SessionSecretCheck(@ConfigProperty(name = "portal.session-secret") Optional<String> secret) {
        if (secret.map(String::strip).filter(s -> s.length() >= MIN_LENGTH).isEmpty()) {
            throw new IllegalStateException("privacy-portal refuses to start in production: set PORTAL_SESSION_SECRET "
                    + "(portal.session-secret), at least " + MIN_LENGTH + " random characters; it encrypts the session "
                    + "cookie and the PKCE verifier");
        }
    }
}
