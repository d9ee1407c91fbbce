package org.privacyplatform.consent.repository;

import java.util.List;

import org.privacyplatform.consent.SubjectMinor;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class MinorRepository implements PanacheRepositoryBase<SubjectMinor, String> {

    public List<SubjectMinor> forSubjects(List<String> subjectIds) {
        return list("subjectId in ?1", subjectIds);
    }
}
