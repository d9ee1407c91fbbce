package org.privacyplatform.consent.messaging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.privacyplatform.consent.service.PurposeCatalog;
import org.privacyplatform.consent.service.PurposesChanged;
import org.privacyplatform.consent.service.SubjectChanged;
import org.privacyplatform.consent.service.SubjectSnapshots;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * With several instances, a change committed by one must reach every other's in-memory decisions, a
 * restriction or an erasure as much as a consent. Each change announces itself with PostgreSQL's
 * {@code NOTIFY} inside its own transaction, so the announcement is delivered only once it has committed, to
 * every instance listening on the same database; each drops that subject's snapshot (or the purpose catalogue).
 * A listener that loses its connection drops everything it holds, since it may have missed announcements.
 */
@ApplicationScoped
public class DecisionCacheInvalidation {

    /** The channel every instance listens on; the payload is a subject id, or {@link #PURPOSES}. */
    public static final String CHANNEL = "consent_decisions";
    static final String PURPOSES = "*purposes";

    private static final Logger LOG = Logger.getLogger(DecisionCacheInvalidation.class);

    private final SubjectSnapshots snapshots;
    private final PurposeCatalog catalog;
    private final EntityManager entityManager;
    private final String url;
    private final String username;
    private final Optional<String> password;
    private volatile boolean running;
    private Thread listener;

    public DecisionCacheInvalidation(SubjectSnapshots snapshots, PurposeCatalog catalog, EntityManager entityManager,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.snapshots = snapshots;
        this.catalog = catalog;
        this.entityManager = entityManager;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** Runs inside the changing transaction: PostgreSQL delivers the notification at its commit, or never. */
    void announce(@Observes SubjectChanged changed) {
        notify(changed.subjectId());
    }

    void announce(@Observes PurposesChanged changed) {
        notify(PURPOSES);
    }

    private void notify(String payload) {
        entityManager.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL).setParameter(2, payload)
                .getSingleResult();
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        listener = new Thread(this::listen, "decision-cache-invalidation");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username, password.orElse(null))) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                // announcements may have been missed while no connection listened
                snapshots.invalidateAll();
                catalog.invalidate();
                backoff = 500;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(1000);
                    if (received == null) {
                        continue;
                    }
                    for (PGNotification notification : received) {
                        if (PURPOSES.equals(notification.getParameter())) {
                            catalog.invalidate();
                        } else {
                            snapshots.invalidate(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("decision cache listener lost the database, retrying in %d ms: %s", backoff, e.getMessage());
                snapshots.invalidateAll();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }
}
