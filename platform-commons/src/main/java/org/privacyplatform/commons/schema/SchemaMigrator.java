package org.privacyplatform.commons.schema;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.privacyplatform.commons.PlatformConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

/**
 * Runs the Flyway migrations at start-up; while the database is unreachable it keeps trying in the
 * background and reports not-ready ({@link SchemaReadiness}), instead of failing start-up (which would crash-loop the service).
 */
@ApplicationScoped
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class);

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
            if (config.cleanAtStart()) {
                migrations.clean();
            }
            migrations.migrate();
            migrated = true;
            LOG.info("database schema is up to date");
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOG.warnf("database schema not migrated yet (retrying every %s): %s", config.retryInterval(), e.getMessage());
        }
        return migrated;
    }
}
