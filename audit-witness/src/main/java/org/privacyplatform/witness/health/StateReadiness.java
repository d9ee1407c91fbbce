package org.privacyplatform.witness.health;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.privacyplatform.witness.config.WitnessConfig;
import org.privacyplatform.witness.service.Witness;

import jakarta.enterprise.context.ApplicationScoped;

/** Ready while the state file's directory is writable: a witness that cannot persist must not cosign. */
@Readiness
@ApplicationScoped
public class StateReadiness implements HealthCheck {

    private final Path directory;
    private final Witness witness;

    public StateReadiness(WitnessConfig config, Witness witness) {
        this.directory = Path.of(config.stateFile()).toAbsolutePath().getParent();
        this.witness = witness;
    }

    @Override
    public HealthCheckResponse call() {
        boolean writable = Files.isDirectory(directory) ? Files.isWritable(directory) : Files.isWritable(directory.getParent());
        return HealthCheckResponse.named("witness state").status(writable).withData("stateDirectory", directory.toString())
                .withData("logs", witness.logs().size()).build();
    }
}
