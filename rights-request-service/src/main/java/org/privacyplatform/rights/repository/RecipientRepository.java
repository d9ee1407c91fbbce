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

    /** One page of the recipients by id, plus the first entry of the next page if there is one. */
    public List<Recipient> page(org.privacyplatform.commons.paging.PageRequest page) {
        return find("order by id").range(page.offset(), page.lastFetched()).list();
    }

    public List<Recipient> activeFor(RequestType type) {
        return list("active = true order by id").stream().filter(r -> r.appliesTo(type)).toList();
    }
}
