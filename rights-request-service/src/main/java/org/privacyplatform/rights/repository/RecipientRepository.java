package org.privacyplatform.rights.repository;

import java.util.List;

import org.privacyplatform.rights.Recipient;
import org.privacyplatform.rights.RequestType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RecipientRepository implements PanacheRepositoryBase<Recipient, String> {

    public List<Recipient> listOrdered() {
        return list("order by id");
    }

    public List<Recipient> activeFor(RequestType type) {
        return list("active = true order by id").stream().filter(r -> r.appliesTo(type)).toList();
    }
}
