package org.privacyplatform.commons.schema;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.privacyplatform.commons.PlatformConfig;
import org.privacyplatform.commons.PlatformConfig.SchemaMode;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

/**
 * Brings the schema up to date at start-up, in one of three modes ({@code privacy.schema.mode}):
 * <ul>
 * <li>{@code migrate} (default): run the Flyway migrations, then serve;</li>
 * <li>{@code migrate-only}: run them as the Flyway login (a schema owner such as {@code audit_owner}), then exit
 * 0 (or 1 if they fail): the step a deployment runs before it starts the service, so that the owner's login
 * never sits in a running service's configuration;</li>
 * <li>{@code validate}: check with the service's own login that every migration has been applied, change
 * nothing, and stay not-ready until it has.</li>
 * </ul>
 * While the database is unreachable (or, in {@code validate}, behind) it keeps trying in the background and
 * reports not-ready ({@link SchemaReadiness}), instead of failing start-up (which would crash-loop the service).
 */
@ApplicationScoped
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

    /** Exit status of a {@code migrate-only} run whose migrations failed. */
    static final int EXIT_MIGRATION_FAILED = 1;

    private final Instance<Flyway> flyway;
    private final PlatformConfig.Schema config;
    private volatile boolean migrated;
    private volatile String lastError = "not attempted yet";
    private volatile Thread retrying;

    public SchemaMigrator(Instance<Flyway> flyway, PlatformConfig config) {
        this.flyway = flyway;
        this.config = config.schema();
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent startup) {
        if (config.mode() == SchemaMode.MIGRATE_ONLY) {
            // a one-off job: report and leave, whatever happened, so the deployment sees the outcome at once
            Quarkus.asyncExit(tryMigrate() ? 0 : EXIT_MIGRATION_FAILED);
            return;
        }
        if (!tryMigrate()) {
            retrying = new Thread(this::retryUntilMigrated, "schema-migration");
            retrying.setDaemon(true);
            retrying.start();
        }
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        if (retrying != null) {
            retrying.interrupt();
        }
    }

    public boolean isMigrated() {
        return migrated;
    }

    /** Why the schema is not migrated yet (the last error), for the readiness check. */
    public String lastError() {
        return lastError;
    }

    private void retryUntilMigrated() {
        while (!migrated && !Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(config.retryInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
            tryMigrate();
        }
    }

    private synchronized boolean tryMigrate() {
        try {
            Flyway migrations = flyway.get();
            if (config.mode() == SchemaMode.VALIDATE) {
                // fails while a migration is pending: the deployment's migrate-only step has not run yet
                migrations.validate();
                LOG.info("database schema is up to date (validated, not migrated: privacy.schema.mode=validate)");
            } else {
                if (config.cleanAtStart()) {
                    migrations.clean();
                }
                migrations.migrate();
                LOG.info("database schema is up to date");
            }
            migrated = true;
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            if (config.mode() == SchemaMode.MIGRATE_ONLY) {
                LOG.errorf("database schema migration failed: %s", e.getMessage());
            } else {
                LOG.warnf("database schema not up to date yet (retrying every %s): %s", config.retryInterval(),
                        e.getMessage());
            }
        }
        return migrated;
    }
}
