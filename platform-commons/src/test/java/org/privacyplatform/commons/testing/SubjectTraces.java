package org.privacyplatform.commons.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/**
 * Where a subject id is still written in a service's database: every text and varchar column of every table of
 * the service's schema is searched for it. Used by the erasure tests ("nothing of the subject id left").
 */
public final class SubjectTraces {

    /**
     * The platform's outbox and inbox keep an event's subject id until the purge
     * ({@code privacy.outbox.purge-after}) removes them; Flyway's history names no subject.
     */
    public static final Set<String> UNTIL_PURGED = Set.of("outbox_event", "processed_event", "flyway_schema_history");

    private SubjectTraces() {
    }

    /** {@code table.column} of every column that holds {@code subjectId} somewhere in its text, except {@code except}'s tables. */
    public static List<String> columnsHolding(EntityManager entityManager, String subjectId, Set<String> except) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> columns = entityManager.createNativeQuery("""
                    select table_name, column_name from information_schema.columns
                    where table_schema = current_schema() and data_type in ('text', 'character varying', 'character')
                    order by table_name, column_name""").getResultList();
            List<String> holding = new ArrayList<>();
            for (Object[] column : columns) {
                String table = (String) column[0];
                if (except.contains(table)) {
                    continue;
                }
                Number found = (Number) entityManager.createNativeQuery("select count(*) from \"" + table + "\" where strpos(\""
                        + column[1] + "\", ?1) > 0").setParameter(1, subjectId).getSingleResult();
                if (found.longValue() > 0) {
                    holding.add(table + "." + column[1]);
                }
            }
            return holding;
        });
    }
}
