package org.privacyplatform.consent.repository;

import java.util.Optional;

import org.privacyplatform.consent.NoticeVersion;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The published versions of the whole privacy notice. */
@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<NoticeVersion, Integer> {

    public Optional<NoticeVersion> latest() {
        return find("order by version desc").firstResultOptional();
    }
}
