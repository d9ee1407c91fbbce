package org.privacyplatform.portal.banner;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.privacyplatform.portal.api.ConsentApi;

/** The rules of joining the banner's device on login, without a server: which cookie is used, and when it is asked. */
class DeviceJoinTest {

    private static final String SUBJECT = "b0b00000-0000-4000-8000-000000000002";
    private static final String HEX_DEVICE = "00112233445566778899aabbccddeeff";

    private final FakeConsentApi consent = new FakeConsentApi();
    private final DeviceJoin join = new DeviceJoin(consent.api(), true);

    @Test
    void aValidDeviceIsJoinedOnceAndTheCentreSaysSo() {
        Response redirect = join.joinOnce(SUBJECT, HEX_DEVICE, null).orElseThrow();

        assertThat(consent.joined).containsExactly(SUBJECT + " " + HEX_DEVICE);
        assertThat(redirect.getStatus()).isEqualTo(303);
        assertThat(redirect.getLocation()).hasToString("/centre?done=device");
        NewCookie remembered = redirect.getCookies().get(DeviceCookie.JOINED);
        assertThat(remembered.getValue()).isEqualTo(DeviceCookie.joinedMark(HEX_DEVICE)).doesNotContain(HEX_DEVICE);
        assertThat(remembered.isHttpOnly()).isTrue();
        assertThat(remembered.isSecure()).isTrue();
        assertThat(remembered.getPath()).isEqualTo("/centre");

        // the next view carries the mark: not asked again
        assertThat(join.joinOnce(SUBJECT, HEX_DEVICE, remembered.getValue())).isEmpty();
        assertThat(consent.joined).hasSize(1);
    }

    @Test
    void aBase64urlDeviceIdIsValidToo() {
        assertThat(join.joinOnce(SUBJECT, "AAECAwQFBgcICQoLDA0ODw", null)).isPresent();
    }

    @Test
    void anythingElseInTheCookieIsNeverSentOn() {
        for (String spoiled : new String[] { null, "", "abc", HEX_DEVICE + "0", "../../subjects/x/consents",
                "00112233445566778899aabbccddeefg", "AAECAwQFBgcICQoLDA0OD/", "AAECAwQFBgcICQoLDA0ODw==" }) {
            assertThat(join.joinOnce(SUBJECT, spoiled, null)).as(String.valueOf(spoiled)).isEmpty();
        }
        assertThat(join.joinOnce(null, HEX_DEVICE, null)).isEmpty();
        assertThat(consent.joined).isEmpty();
    }

    @Test
    void aRefusalIsRememberedWithoutSayingTheDeviceWasJoined() {
        consent.failure = new WebApplicationException(Response.status(409).build());
        Response redirect = join.joinOnce(SUBJECT, HEX_DEVICE, null).orElseThrow();
        assertThat(redirect.getLocation()).hasToString("/centre");
        assertThat(redirect.getCookies()).containsKey(DeviceCookie.JOINED);
    }

    @Test
    void aServiceThatFailsOrCannotBeReachedIsAskedAgainOnTheNextView() {
        consent.failure = new WebApplicationException(Response.status(503).build());
        assertThat(join.joinOnce(SUBJECT, HEX_DEVICE, null)).isEmpty();
        consent.failure = new WebApplicationException(Response.status(429).build());
        assertThat(join.joinOnce(SUBJECT, HEX_DEVICE, null)).isEmpty();
        consent.failure = new ProcessingException("connection refused");
        assertThat(join.joinOnce(SUBJECT, HEX_DEVICE, null)).isEmpty();
        assertThat(consent.joined).hasSize(3);
    }

    /** consent-service's join endpoint only (a proxy: the API may grow other methods without touching this test). */
    private static final class FakeConsentApi {

        final List<String> joined = new ArrayList<>();
        RuntimeException failure;

        ConsentApi api() {
            return (ConsentApi) Proxy.newProxyInstance(ConsentApi.class.getClassLoader(), new Class<?>[] { ConsentApi.class },
                    (proxy, method, args) -> {
                        if (!method.getName().equals("joinDevice")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        joined.add(args[0] + " " + args[1]);
                        if (failure != null) {
                            throw failure;
                        }
                        return "{}";
                    });
        }
    }
}
