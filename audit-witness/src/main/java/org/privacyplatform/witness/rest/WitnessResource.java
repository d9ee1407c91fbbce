package org.privacyplatform.witness.rest;

import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.privacyplatform.audit.checkpoint.Cosignature;
import org.privacyplatform.witness.service.Witness;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The witness's HTTP interface. The submission prefix is the server's root: {@code POST /add-checkpoint}
 * (c2sp.org/tlog-witness). Nobody authenticates: a request is only as good as the log signature on its checkpoint.
 */
@Path("/")
@Tag(name = "Witness", description = "C2SP tlog-witness: cosigns a log's checkpoints that are consistent with the last one it cosigned")
public class WitnessResource {

    /** The content type of a 409's body: the latest cosigned tree size in decimal and a newline. */
    public static final String TLOG_SIZE = "text/x.tlog.size";
    private static final String TEXT = "text/plain; charset=utf-8";

    /** What GET / tells a log operator or an auditor who pins this witness. */
    public record WitnessView(String name, String keyId, String algorithm, String publicKey, List<LogView> logs) {
    }

    public record LogView(String origin, String verifierKey) {
    }

    private final Witness witness;

    public WitnessResource(Witness witness) {
        this.witness = witness;
    }

    @POST
    @Path("add-checkpoint")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Submit a checkpoint with a consistency proof from the latest one this witness cosigned "
            + "(body: 'old <size>', proof lines in base64, an empty line, the signed checkpoint); 200 answers the "
            + "cosignature line (cosignature/v1, Ed25519); 409 (text/x.tlog.size) the size the witness holds; "
            + "400 malformed or old size above the checkpoint's; 403 no trusted log signature; 404 unknown origin; "
            + "422 the proof fails")
    public Response addCheckpoint(byte[] body) {
        Witness.Outcome outcome = witness.addCheckpoint(body == null ? new byte[0] : body);
        if (outcome instanceof Witness.Cosigned cosigned) {
            return Response.ok(cosigned.signatureLines(), TEXT).build();
        }
        if (outcome instanceof Witness.Conflict conflict) {
            return Response.status(409).type(TLOG_SIZE).entity(conflict.latestSize() + "\n").build();
        }
        Witness.Refused refused = (Witness.Refused) outcome;
        return Response.status(refused.status()).type(TEXT).entity(refused.reason() + "\n").build();
    }

    @GET
    @Path("latest-checkpoint")
    @Produces(TEXT)
    @Operation(summary = "The latest checkpoint this witness cosigned for a log (the log's signed note with the "
            + "witness's cosignature line); 404 if it never cosigned one. Not part of tlog-witness: a monitor's read")
    public Response latestCheckpoint(@RestQuery String origin) {
        if (origin == null || origin.isEmpty() || origin.length() > 1000) {
            return Response.status(400).type(TEXT).entity("origin is required\n").build();
        }
        return witness.latestCosigned(origin).map(note -> Response.ok(note, TEXT).build())
                .orElseGet(() -> Response.status(404).type(TEXT).entity("no checkpoint cosigned for this origin\n").build());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The witness's name, cosignature key (raw 32 bytes, base64) and key ID, and the logs it witnesses")
    public WitnessView describe() {
        byte[] key = witness.publicKey();
        return new WitnessView(witness.name(), Cosignature.keyId(witness.name(), key), "Ed25519",
                Base64.getEncoder().encodeToString(key), witness.logs().stream()
                        .map(log -> new LogView(log.origin(), log.key().encoded()))
                        .sorted(Comparator.comparing(LogView::origin)).toList());
    }
}
