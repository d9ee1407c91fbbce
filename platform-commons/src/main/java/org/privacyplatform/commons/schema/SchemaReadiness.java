package org.privacyplatform.commons.schema;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/** Not ready until the service's schema is migrated. */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    private final SchemaMigrator migrator;

    public SchemaReadiness(SchemaMigrator migrator) {
        this.migrator = migrator;
    }

    @Override
    public HealthCheckResponse call() {
        boolean migrated = migrator.isMigrated();
        return HealthCheckResponse.named("database schema").status(migrated)
                .withData("state", migrated ? "migrated" : "waiting for the database: " + migrator.lastError())
                .build();
    }
}
