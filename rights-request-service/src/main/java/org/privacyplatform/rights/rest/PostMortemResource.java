package org.privacyplatform.rights.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.privacyplatform.commons.security.Caller;
import org.privacyplatform.commons.security.Roles;
import org.privacyplatform.commons.security.SubjectAccess;
import org.privacyplatform.commons.security.SubjectId;
import org.privacyplatform.rights.PostMortemInstructions.Kind;
import org.privacyplatform.rights.config.RightsConfig;
import org.privacyplatform.rights.rest.PostMortemBodies.DeathView;
import org.privacyplatform.rights.rest.PostMortemBodies.InstructionsBody;
import org.privacyplatform.rights.rest.PostMortemBodies.InstructionsVersion;
import org.privacyplatform.rights.rest.PostMortemBodies.InstructionsView;
import org.privacyplatform.rights.service.PostMortemService;
import org.privacyplatform.rights.service.RequestService;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

@Path("/")
@Tag(name = "Post-mortem instructions", description = "What happens to a subject's data after their death (art. 85 loi "
        + "Informatique et Libertés): their own resource, not a request on the Art. 12 clock")
public class PostMortemResource {

    static final String NOTICE = "Under art. 85 of the French loi Informatique et Libertés you may give instructions on "
            + "what happens to your personal data after your death, general or specific, name a person to carry them out, "
            + "and change or revoke them at any time. When your death is recorded, the latest instructions in force apply.";

    private final PostMortemService postMortem;
    private final RequestService requests;
    private final SubjectAccess access;
    private final Caller caller;
    private final RightsConfig config;
    private final ObjectMapper json;

    public PostMortemResource(PostMortemService postMortem, RequestService requests, SubjectAccess access, Caller caller,
            RightsConfig config, ObjectMapper json) {
        this.postMortem = postMortem;
        this.requests = requests;
        this.access = access;
        this.caller = caller;
        this.config = config;
        this.json = json;
    }

    @PUT
    @Path("/subjects/{subjectId}/post-mortem-instructions")
    @RolesAllowed(Roles.DATA_SUBJECT)
    @Operation(summary = "The subject registers their post-mortem instructions, or replaces those in force (a new version; "
            + "the earlier ones are kept): GENERAL or SPECIFIC (with scope), ERASE, KEEP or PASS_TO_DESIGNATED_PERSON (with "
            + "a designated person: a subject id of the platform, or a name and a contact). Once the death is recorded: 409")
    public InstructionsView registerPostMortemInstructions(@PathParam("subjectId") @SubjectId String subjectId,
            @Valid @NotNull InstructionsBody body) {
        access.check(subjectId);
        var person = body.designatedPerson();
        return view(subjectId, postMortem.register(subjectId, new PostMortemService.Instructions(Kind.valueOf(body.kind()),
                body.choice(), body.scope(), person == null ? null : person.subjectId(), person == null ? null : person.name(),
                person == null ? null : person.contact()), caller.actor(), null));
    }

    @GET
    @Path("/subjects/{subjectId}/post-mortem-instructions")
    @RolesAllowed({ Roles.DATA_SUBJECT, Roles.DPO })
    @Operation(summary = "The subject's post-mortem instructions in force, every version, and the death once recorded: "
            + "the subject, the DPO, and once the death applied PASS_TO_DESIGNATED_PERSON, the designated person")
    public InstructionsView getPostMortemInstructions(@PathParam("subjectId") @SubjectId String subjectId) {
        if (!(access.isOnlyDataSubject() && postMortem.actsFor(access.callerSubject(), subjectId))) {
            access.check(subjectId);
        }
        return view(subjectId, postMortem.onFile(subjectId));
    }

    @DELETE
    @Path("/subjects/{subjectId}/post-mortem-instructions")
    @RolesAllowed(Roles.DATA_SUBJECT)
    @Operation(summary = "The subject revokes the instructions in force: recorded as a version of its own, nothing applies "
            + "until they register new ones; none in force: 409")
    public InstructionsView revokePostMortemInstructions(@PathParam("subjectId") @SubjectId String subjectId) {
        access.check(subjectId);
        return view(subjectId, postMortem.revoke(subjectId, caller.actor()));
    }

    @POST
    @Path("/subjects/{subjectId}/death")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Record a subject's death, once (again: 409): the latest post-mortem instructions in force apply. "
            + "ERASE files an erasure and sets it in motion; KEEP files nothing; PASS_TO_DESIGNATED_PERSON lets the "
            + "designated person file an access or erasure for the deceased and read it")
    public DeathView recordDeath(@PathParam("subjectId") @SubjectId String subjectId,
            @Valid @NotNull RequestBodies.Death body) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PostMortemService.Applied applied = postMortem.recordDeath(subjectId, body.diedOn(), body.evidence(),
                    caller.actor());
            return new DeathView(subjectId, PostMortemBodies.DeathRecord.of(applied.death()),
                    applied.instructions() == null ? null : InstructionsVersion.of(applied.instructions()),
                    applied.requests().stream().map(r -> RequestView.of(r, requests.outcomes(r.id), requests.history(r.id),
                            config, json)).toList());
        });
    }

    private static InstructionsView view(String subjectId, PostMortemService.OnFile onFile) {
        return new InstructionsView(subjectId, onFile.current() == null ? null : InstructionsVersion.of(onFile.current()),
                onFile.versions().stream().map(InstructionsVersion::of).toList(), PostMortemBodies.DeathRecord.of(onFile.death()),
                NOTICE);
    }
}
