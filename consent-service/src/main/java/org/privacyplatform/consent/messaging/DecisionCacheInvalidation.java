package org.privacyplatform.consent.messaging;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.sql.PreparedStatement;

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
import jakarta.enterprise.event.TransactionPhase;

/**
 * With several instances, a change committed by one must reach every other's in-memory decisions, a
 * restriction or an erasure as much as a consent. Once a change has committed, this instance announces it with
 * PostgreSQL's {@code NOTIFY} on channel {@value #CHANNEL}, to every instance listening on the same database;
 * each drops that subject's snapshot (or the purpose catalogue). A listener that loses its connection drops
 * everything it holds, since it may have missed announcements.
 * <p>
 * The announcements leave after the commit, batched, from one connection of their own: a {@code NOTIFY} inside
 * the changing transaction would hold PostgreSQL's cluster-wide notification lock through that transaction's
 * commit (its WAL flush included), serialising the commits of every change (measured: single-row inserts at
 * 32 clients fall from about 18,000 to 3,500 per second with a {@code NOTIFY} in each). Should an instance die
 * between a commit and its announcement, the others' snapshots of that subject still expire after
 * {@code consent.decision-cache-max-age}.
 */
@ApplicationScoped
public class DecisionCacheInvalidation {

    /** The channel every instance listens on; the payload is subject ids (or {@link #PURPOSES}), one per line. */
    public static final String CHANNEL = "consent_decisions";
    static final String PURPOSES = "*purposes";
    /** PostgreSQL refuses payloads of 8,000 bytes or more. */
    private static final int MAX_PAYLOAD = 7_000;
    private static final int MAX_BATCH = 2_000;

    private static final Logger LOG = Logger.getLogger(DecisionCacheInvalidation.class);

    private final SubjectSnapshots snapshots;
    private final PurposeCatalog catalog;
    private final String url;
    private final String username;
    private final Optional<String> password;
    private final LinkedBlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread listener;
    private Thread announcer;

    public DecisionCacheInvalidation(SubjectSnapshots snapshots, PurposeCatalog catalog,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.snapshots = snapshots;
        this.catalog = catalog;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** Queued once the changing transaction has committed; a rolled-back change announces nothing. */
    void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubjectChanged changed) {
        pending.add(changed.subjectId());
    }

    void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) PurposesChanged changed) {
        pending.add(PURPOSES);
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        listener = new Thread(this::listen, "decision-cache-invalidation");
        listener.setDaemon(true);
        listener.start();
        announcer = new Thread(this::announceCommitted, "decision-cache-announcer");
        announcer.setDaemon(true);
        announcer.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        if (announcer != null) {
            announcer.interrupt();
        }
    }

    /** Sends what committed changes queued, as few notifications as their payloads allow, in one transaction. */
    private void announceCommitted() {
        long backoff = 500;
        List<String> batch = new ArrayList<>();
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username, password.orElse(null))) {
                try (Statement session = connection.createStatement()) {
                    // a notification is not data: its transaction need not wait for the WAL flush
                    session.execute("set synchronous_commit = off");
                }
                connection.setAutoCommit(false);
                backoff = 500;
                try (PreparedStatement notify = connection.prepareStatement("select pg_notify('" + CHANNEL + "', ?)")) {
                    while (running) {
                        if (batch.isEmpty()) {
                            String first = pending.poll(1, TimeUnit.SECONDS);
                            if (first == null) {
                                continue;
                            }
                            batch.add(first);
                            pending.drainTo(batch, MAX_BATCH);
                        }
                        for (String payload : payloads(batch)) {
                            notify.setString(1, payload);
                            notify.execute();
                        }
                        connection.commit();
                        batch.clear();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                // the batch is sent again once the database answers
                LOG.warnf("decision cache announcer lost the database, retrying in %d ms: %s", backoff, e.getMessage());
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

    /** Distinct entries, one per line, in payloads under PostgreSQL's limit (subject ids hold no line break). */
    static List<String> payloads(List<String> entries) {
        Set<String> distinct = new LinkedHashSet<>(entries);
        List<String> payloads = new ArrayList<>();
        StringBuilder payload = new StringBuilder();
        for (String entry : distinct) {
            if (payload.length() > 0 && payload.length() + 1 + entry.length() > MAX_PAYLOAD) {
                payloads.add(payload.toString());
                payload.setLength(0);
            }
            if (payload.length() > 0) {
                payload.append('\n');
            }
            payload.append(entry);
        }
        if (payload.length() > 0) {
            payloads.add(payload.toString());
        }
        return payloads;
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
                        for (String entry : notification.getParameter().split("\n")) {
                            if (PURPOSES.equals(entry)) {
                                catalog.invalidate();
                            } else if (!entry.isEmpty()) {
                                snapshots.invalidate(entry);
                            }
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
