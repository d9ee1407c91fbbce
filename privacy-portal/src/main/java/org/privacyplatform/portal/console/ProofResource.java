package org.privacyplatform.portal.console;

import java.io.InputStream;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.privacyplatform.portal.console.api.AuditApi;
import org.privacyplatform.portal.console.api.Checkpoint;
import org.privacyplatform.portal.console.api.PublicKey;
import org.privacyplatform.portal.console.api.VerifyResult;
import org.privacyplatform.portal.console.api.Witness;
import org.privacyplatform.portal.web.Pages;

/**
 * The proof: the latest checkpoint with its cosignatures, a full verification of the log run on demand, a subject's
 * evidence bundle to download, and how to check that bundle offline with the audit verifier.
 */
@Path("/console/proof")
@RolesAllowed({ "dpo", "auditor" })
public class ProofResource {

    /** Events per evidence bundle download (the audit service's page bound). */
    static final int EVIDENCE_PAGE = 500;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance proof(Checkpoint checkpoint, List<Witness> witnesses, PublicKey key,
                VerifyResult result);
    }

    private final Pages pages;
    private final AuditApi audit;

    public ProofResource(Pages pages, @RestClient AuditApi audit) {
        this.pages = pages;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance proof() {
        return page(null);
    }

    /** Recomputes the whole log now and shows the result on the same page (nothing changes: no redirect needed). */
    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance verify() {
        return page(audit.verify());
    }

    /**
     * A subject's evidence bundle, the audit service's JSON handed on byte for byte as an attachment: the offline
     * verifier checks exactly what the service signed and proved.
     */
    @GET
    @Path("/evidence")
    public Response evidence(@RestQuery String subjectId, @RestQuery Integer page) {
        String subject = Forms.matching(subjectId, Forms.SUBJECT_ID, true);
        int p = page == null ? 0 : page;
        if (p < 0 || p > 100_000) {
            throw ConsoleProblem.badRequest("form_invalid");
        }
        Response answer = audit.evidence(subject, p, EVIDENCE_PAGE);
        InputStream bundle = answer.readEntity(InputStream.class);
        String file = "evidence-" + subject.replaceAll("[^A-Za-z0-9._-]", "_") + (p == 0 ? "" : "-page-" + p) + ".json";
        return Response.ok(bundle, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store").build();
    }

    private TemplateInstance page(VerifyResult result) {
        return pages.page(Templates.proof(audit.checkpoint(), audit.witnesses(), audit.publicKey(), result));
    }
}
