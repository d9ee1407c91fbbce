package org.privacyplatform.portal.banner;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.privacyplatform.portal.api.ConsentApi;

/**
 * A visitor who chose on the banner and then logs in: the first time their centre opens in that browser, the subject
 * joins the device's choices ({@code POST /subjects/{id}/devices/{deviceId}}, the person's own token), and the portal
 * remembers it in {@value DeviceCookie#JOINED} so that it is not asked again on every view.
 */
@ApplicationScoped
public class DeviceJoin {

    private static final Logger LOG = Logger.getLogger(DeviceJoin.class);

    /** Refusals that joining again would meet again: remembered, never asked again. */
    private static final Set<Integer> REFUSALS_KEPT = Set.of(400, 403, 404, 409);

    private final ConsentApi consent;
    private final boolean secureCookies;

    public DeviceJoin(@RestClient ConsentApi consent,
            @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "true") boolean secureCookies) {
        this.consent = consent;
        this.secureCookies = secureCookies;
    }

    /**
     * Joins the device of the {@value DeviceCookie#NAME} cookie once. Returns the redirect to the centre that says so
     * (and remembers it), or nothing when there was nothing to join or the service could not be reached (tried again
     * on the next view).
     */
    public Optional<Response> joinOnce(String subjectId, String deviceCookie, String joinedCookie) {
        if (subjectId == null || !DeviceCookie.isValid(deviceCookie)) {
            return Optional.empty();
        }
        String mark = DeviceCookie.joinedMark(deviceCookie);
        if (mark.equals(joinedCookie)) {
            return Optional.empty();
        }
        String back;
        try {
            consent.joinDevice(subjectId, deviceCookie);
            back = "/centre?done=device";
        } catch (WebApplicationException refused) {
            int status = refused.getResponse() == null ? 0 : refused.getResponse().getStatus();
            if (!REFUSALS_KEPT.contains(status)) {
                LOG.infof("joining a device failed (%d): tried again on the next view", status);
                return Optional.empty();
            }
            // 409 (another subject's device), 403 (not a data subject), 400: remembered, never asked again
            LOG.infof("joining a device was refused (%d)", status);
            back = "/centre";
        } catch (ProcessingException unreachable) {
            LOG.infof("joining a device failed (%s): tried again on the next view", unreachable.getClass().getSimpleName());
            return Optional.empty();
        }
        NewCookie remember = new NewCookie.Builder(DeviceCookie.JOINED).value(mark).path("/centre")
                .maxAge(DeviceCookie.MAX_AGE_SECONDS).httpOnly(true).secure(secureCookies)
                .sameSite(NewCookie.SameSite.LAX).build();
        return Optional.of(Response.seeOther(URI.create(back)).cookie(remember).build());
    }
}
