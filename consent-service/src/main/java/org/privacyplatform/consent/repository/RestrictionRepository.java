package org.privacyplatform.consent.repository;

import org.privacyplatform.consent.SubjectRestriction;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RestrictionRepository implements PanacheRepositoryBase<SubjectRestriction, String> {
}
