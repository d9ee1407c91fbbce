package org.privacyplatform.consent.repository;

import org.privacyplatform.consent.DeviceLink;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DeviceLinkRepository implements PanacheRepositoryBase<DeviceLink, String> {

    public long deleteForSubject(String subjectId) {
        return delete("subjectId", subjectId);
    }
}
