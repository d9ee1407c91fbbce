package org.privacyplatform.consent.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.privacyplatform.commons.paging.PageRequest;
import org.privacyplatform.commons.paging.Paged;
import org.privacyplatform.commons.problem.Problem;
import org.privacyplatform.commons.problem.ProblemException;
import org.privacyplatform.commons.security.Caller;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.commons.security.SubjectAccess;
import org.privacyplatform.commons.security.SubjectId;
import org.privacyplatform.consent.ConsentState;
import org.privacyplatform.consent.service.ConsentService;
import org.privacyplatform.consent.service.Decision;
import org.privacyplatform.consent.service.DecisionService;
import org.privacyplatform.consent.service.DeviceConsentService;
import org.privacyplatform.consent.service.DeviceReferences;
import org.privacyplatform.consent.service.PurposeCatalog;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

@Path("/subjects/{subjectId}")
@Tag(name = "Consents", description = "A subject's consents, objections, their history, and the decision API")
public class ConsentResource {

    /** The OIDC standard claim (Core 5.1) a subject's token states their birth date in. */
    static final String BIRTHDATE_CLAIM = "birthdate";

    private final ConsentService consents;
    private final DecisionService decisions;
    private final PurposeCatalog catalog;
    private final SubjectAccess access;
    private final SecurityIdentity identity;
    private final Caller caller;
    private final DeviceConsentService devices;
    private final DeviceReferences deviceReferences;

    public ConsentResource(ConsentService consents, DecisionService decisions, PurposeCatalog catalog,
            SubjectAccess access, SecurityIdentity identity, Caller caller, DeviceConsentService devices,
            DeviceReferences deviceReferences) {
        this.devices = devices;
        this.deviceReferences = deviceReferences;
        this.consents = consents;
        this.decisions = decisions;
        this.catalog = catalog;
        this.access = access;
        this.identity = identity;
        this.caller = caller;
    }

    @GET
    @Path("/consents")
    @RolesAllowed({ Roles.DATA_SUBJECT, Roles.SERVICE, Roles.DPO })
    @Operation(summary = "The subject's current standing on every purpose")
    public List<ConsentResponse> currentConsents(@PathParam("subjectId") @SubjectId String subjectId) {
        access.check(subjectId);
        Map<String, ConsentState> states = consents.current(subjectId).stream()
                .collect(Collectors.toMap(s -> s.purposeId, Function.identity()));
        boolean suppressed = consents.suppressed(subjectId);
        return catalog.all().stream().map(p -> ConsentResponse.of(p, subjectId, states.get(p.id()), null, suppressed))
                .toList();
    }

    @PUT
    @Path("/consents/{purposeId}")
    @RolesAllowed({ Roles.DATA_SUBJECT, Roles.SERVICE })
    @Operation(summary = "Record a decision: grant, withdraw, or object (granted:false on a legitimate interest). "
            + "The subject's frontend declares source web or mobile; a calling system api or import. Minors (under 15): "
            + "birthDate or minor states the age (or the subject's token's birthdate claim); a grant for a minor needs "
            + "parentalConsent.holder from a calling system, else 422; a subject's own statement never ends a minority "
            + "already known (403)")
    @APIResponse(responseCode = "200", description = "recorded, or the same decision repeated (changed: false)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ConsentResponse.class)))
    @APIResponse(responseCode = "422", description = "a grant of a consent purpose for a subject under 15 without a "
            + "holder of parental responsibility's consent (errors name parentalConsent); nothing is written",
            content = @Content(mediaType = "application/problem+json"))
    public ConsentResponse recordConsent(@PathParam("subjectId") @SubjectId String subjectId,
            @PathParam("purposeId") @Pattern(regexp = Ids.PURPOSE_ID, message = Ids.PURPOSE_ID_MESSAGE) String purposeId,
            @Valid @NotNull ConsentRequest body) {
        access.check(subjectId);
        var recorded = consents.record(new ConsentService.RecordDecision(subjectId, purposeId, body.granted(),
                body.noticeVersion(), body.source().wire(), caller.actor(), body.privacyNoticeVersion(), ageStated(body),
                body.parentalConsent() == null ? null : body.parentalConsent().holder()));
        return ConsentResponse.of(purpose(purposeId), subjectId, recorded.state(), recorded.changed());
    }

    /**
     * The subject's age as this request states it: the subject's own token's OIDC {@code birthdate} claim (the
     * identity provider's), else the body's {@code birthDate} or {@code minor}, one of them.
     */
    private ConsentService.AgeStatement ageStated(ConsentRequest body) {
        if (body.birthDate() != null && body.minor() != null) {
            throw ProblemException.badRequest("minor", "state the subject's birthDate or whether they are a minor, not both");
        }
        Object claim = identity.hasRole(Roles.DATA_SUBJECT) && !identity.hasRole(Roles.SERVICE)
                && identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(BIRTHDATE_CLAIM) : null;
        if (claim != null) {
            if (body.birthDate() != null || body.minor() != null) {
                throw ProblemException.badRequest(body.birthDate() != null ? "birthDate" : "minor",
                        "the subject's token states their birth date: the body does not state it again");
            }
            try {
                // OIDC Core 5.1: YYYY-MM-DD, or 0000-MM-DD when the year is withheld (then no age is known)
                String text = claim.toString();
                return text.startsWith("0000-") ? null
                        : new ConsentService.AgeStatement(LocalDate.parse(text), null, "token." + BIRTHDATE_CLAIM);
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("token." + BIRTHDATE_CLAIM, "the token's birthdate claim is not a date");
            }
        }
        if (body.birthDate() == null && body.minor() == null) {
            return null;
        }
        return new ConsentService.AgeStatement(body.birthDate(), body.minor(), body.birthDate() != null ? "birthDate" : "minor");
    }

    @GET
    @Path("/consents/history")
    @RolesAllowed({ Roles.DATA_SUBJECT, Roles.DPO, Roles.SERVICE })
    @Operation(summary = "Every decision the subject made, oldest first (Art. 7(1)), with who recorded it "
            + "(actorType, actor) beside the declared source; for the DPO also what was kept under a pseudonym after "
            + "an erasure. A service reads it for the subject's access export. "
            + "Paged (page from 0, size 1-500, default 100); a Link rel=\"next\" header names the next page")
    public RestResponse<List<ConsentRecordResponse>> consentHistory(@PathParam("subjectId") @SubjectId String subjectId,
            @RestQuery Integer page, @RestQuery Integer size, @Context UriInfo uri) {
        access.check(subjectId);
        PageRequest pageRequest = PageRequest.of(page, size);
        return Paged.of(consents.history(subjectId, identity.hasRole(Roles.DPO), pageRequest).stream()
                .map(ConsentRecordResponse::of).toList(), pageRequest, uri);
    }

    @GET
    @Path("/decisions/{purposeId}")
    @RolesAllowed({ Roles.SERVICE, Roles.DPO, Roles.DATA_SUBJECT })
    @Operation(summary = "May this subject's data be processed for this purpose now? The call to make before processing")
    public Uni<DecisionResponse> decide(
            @PathParam("subjectId") @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = SubjectId.MAX_LENGTH,
                    pattern = SubjectId.PATTERN)) String subjectId,
            @PathParam("purposeId") @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = Ids.PURPOSE_ID)) String purposeId) {
        checkDecisionIds(subjectId, purposeId);
        access.check(subjectId);
        // the hot path: with the catalogue and the subject's snapshot in memory, answered here on the I/O thread
        Optional<Decision> fromMemory = decisions.decideFromMemory(subjectId, purposeId);
        if (fromMemory.isPresent()) {
            return Uni.createFrom().item(DecisionResponse.of(subjectId, purposeId, fromMemory.get()));
        }
        // otherwise the database is read, never on the I/O thread: on a worker, in this request's context
        io.vertx.core.Context context = Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> context
                .executeBlocking(() -> DecisionResponse.of(subjectId, purposeId, decisions.decide(subjectId, purposeId)), false)
                .toCompletionStage());
    }

    /**
     * The rules {@code @SubjectId} and {@code @Pattern(regexp = Ids.PURPOSE_ID)} state elsewhere, checked by hand on the
     * hottest endpoint (Hibernate Validator's method validation cost more than the decision): the same regular
     * expressions, the same 400 problem, and as before, before whose subject it is.
     */
    private static void checkDecisionIds(String subjectId, String purposeId) {
        boolean subjectValid = SubjectId.Check.isValid(subjectId);
        boolean purposeValid = Ids.isPurposeId(purposeId);
        if (subjectValid && purposeValid) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>(2);
        if (!subjectValid) {
            errors.add(new Problem.FieldError("subjectId", SubjectId.MESSAGE));
        }
        if (!purposeValid) {
            errors.add(new Problem.FieldError("purposeId", Ids.PURPOSE_ID_MESSAGE));
        }
        throw ProblemException.invalid(errors);
    }

    @POST
    @Path("/devices/{deviceId}")
    @RolesAllowed({ Roles.DATA_SUBJECT, Roles.SERVICE })
    @Operation(summary = "The subject joins a device's choices (made before login): each choice newer than the "
            + "subject's own on that purpose becomes the subject's consent, recorded and announced as any; the device is "
            + "then the subject's (joining again takes over what it decided since; a device another subject joined: 409)")
    public DeviceJoinResponse joinDevice(@PathParam("subjectId") @SubjectId String subjectId,
            @PathParam("deviceId") @Pattern(regexp = DeviceReferences.DEVICE_ID, message = DeviceReferences.DEVICE_ID_MESSAGE) String deviceId) {
        access.check(subjectId);
        var joined = devices.join(subjectId, deviceReferences.of(deviceId), caller.actor());
        return new DeviceJoinResponse(subjectId, joined.link().linkedAt, joined.adopted().stream()
                .map(s -> ConsentResponse.of(purpose(s.purposeId), subjectId, s, true)).toList());
    }

    private PurposeCatalog.Entry purpose(String purposeId) {
        return catalog.find(purposeId).orElseThrow(() -> ProblemException.notFound("no purpose '" + purposeId + "'"));
    }
}
