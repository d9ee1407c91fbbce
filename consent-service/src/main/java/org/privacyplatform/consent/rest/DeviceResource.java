package org.privacyplatform.consent.rest;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.consent.ConsentState;
import org.privacyplatform.consent.service.DeviceConsentService;
import org.privacyplatform.consent.service.DeviceReferences;
import org.privacyplatform.consent.service.PurposeCatalog;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;

@Path("/devices/{deviceId}")
@Tag(name = "Device consents", description = "The consent banner: choices of visitors who are not logged in, kept per "
        + "device (a random 128-bit id the browser keeps), no token; rate-limited per client address and per device")
public class DeviceResource {

    private static final String LIMITED = "Too many requests from this client address or for this device "
            + "(consent.devices.*); Retry-After says in how many seconds to try again";

    private final DeviceConsentService devices;
    private final DeviceReferences references;
    private final DeviceRateLimiter limiter;
    private final PurposeCatalog catalog;
    private final Clock clock;

    public DeviceResource(DeviceConsentService devices, DeviceReferences references, DeviceRateLimiter limiter,
            PurposeCatalog catalog, Clock clock) {
        this.devices = devices;
        this.references = references;
        this.limiter = limiter;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GET
    @Path("/consents")
    @PermitAll
    @Operation(summary = "The device's standing on every purpose a visitor decides before login (NONE where never "
            + "chosen, EXPIRED once a grant lapsed), so the banner shows the stored choice")
    @APIResponse(responseCode = "200", description = "the device's standing on each purpose", content = @Content(
            mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = DeviceConsentResponse.class)))
    @APIResponse(responseCode = "429", description = LIMITED, headers = @Header(name = "Retry-After",
            schema = @Schema(type = SchemaType.INTEGER)))
    public List<DeviceConsentResponse> deviceConsents(
            @PathParam("deviceId") @Pattern(regexp = DeviceReferences.DEVICE_ID, message = DeviceReferences.DEVICE_ID_MESSAGE) String deviceId,
            @Context HttpServerRequest request) {
        String deviceRef = references.of(deviceId);
        limiter.check(request.remoteAddress().hostAddress(), deviceRef);
        Map<String, ConsentState> states = devices.current(deviceRef).stream()
                .collect(Collectors.toMap(s -> s.purposeId, Function.identity()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        return catalog.all().stream().filter(p -> p.deviceEligible() || states.containsKey(p.id()))
                .map(p -> DeviceConsentResponse.of(p, states.get(p.id()), null, now)).toList();
    }

    @PUT
    @Path("/consents/{purposeId}")
    @PermitAll
    @Operation(summary = "Record a visitor's choice on a purpose decided before login (grant or refuse; the same body as "
            + "a subject's, source web or mobile). With Global Privacy Control (Sec-GPC: 1, or gpc:true), the first "
            + "choice on a direct-marketing purpose is recorded as a refusal with source gpc; a later grant is recorded "
            + "as sent")
    @APIResponse(responseCode = "200", description = "the device's standing on the purpose now; changed false when the "
            + "choice repeated the current one", content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = DeviceConsentResponse.class)))
    @APIResponse(responseCode = "409", description = "the purpose is not decided on a device before login")
    @APIResponse(responseCode = "429", description = LIMITED, headers = @Header(name = "Retry-After",
            schema = @Schema(type = SchemaType.INTEGER)))
    public DeviceConsentResponse recordDeviceConsent(
            @PathParam("deviceId") @Pattern(regexp = DeviceReferences.DEVICE_ID, message = DeviceReferences.DEVICE_ID_MESSAGE) String deviceId,
            @PathParam("purposeId") @Pattern(regexp = Ids.PURPOSE_ID, message = Ids.PURPOSE_ID_MESSAGE) String purposeId,
            @RestHeader("Sec-GPC") String secGpc, @Valid @NotNull DeviceConsentRequest body,
            @Context HttpServerRequest request) {
        String deviceRef = references.of(deviceId);
        limiter.check(request.remoteAddress().hostAddress(), deviceRef);
        boolean gpc = "1".equals(secGpc == null ? null : secGpc.trim()) || Boolean.TRUE.equals(body.gpc());
        var recorded = devices.record(new DeviceConsentService.DeviceDecision(deviceRef, purposeId, body.granted(),
                body.noticeVersion(), body.source().wire(), body.privacyNoticeVersion(), gpc));
        PurposeCatalog.Entry purpose = catalog.find(purposeId)
                .orElseThrow(() -> ProblemException.notFound("no purpose '" + purposeId + "'"));
        return DeviceConsentResponse.of(purpose, recorded.state(), recorded.changed(), OffsetDateTime.now(clock));
    }
}
