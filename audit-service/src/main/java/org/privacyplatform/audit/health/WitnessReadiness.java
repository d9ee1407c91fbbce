package org.privacyplatform.audit.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.privacyplatform.audit.service.Witnesses;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Readiness of the log towards its witnesses: down when a witness refused a checkpoint as inconsistent with what it
 * cosigned before (the log's history changed); the age of the latest cosigned checkpoint shows in the details. A
 * witness that is only unreachable does not make the service unready: it delays cosigning.
 */
@Readiness
@ApplicationScoped
public class WitnessReadiness implements HealthCheck {

    private final Witnesses witnesses;

    public WitnessReadiness(Witnesses witnesses) {
        this.witnesses = witnesses;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("witness cosigning");
        if (!witnesses.enabled()) {
            return response.up().withData("witnesses", "none configured: checkpoints are published uncosigned "
                    + "(local development only)").build();
        }
        response.withData("witnesses", witnesses.all().size()).withData("quorum", witnesses.quorum());
        double age = witnesses.latestCosignedAgeSeconds();
        response.withData("latestCosignedCheckpointAgeSeconds", Double.isNaN(age) ? "none yet" : String.valueOf(Math.round(age)));
        var refusals = witnesses.refusals();
        refusals.values().forEach(r -> response.withData("refusedBy " + r.witness(), "tree size " + r.treeSize() + ": "
                + r.reason()));
        return (refusals.isEmpty() ? response.up() : response.down()).build();
    }
}
