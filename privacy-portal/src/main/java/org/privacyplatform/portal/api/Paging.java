package org.privacyplatform.portal.api;

import java.util.ArrayList;
import java.util.List;

/**
 * How the portal reads a whole listing of a platform service: page after page of {@code size} items until a short
 * one, and never more than {@code maxPages}, so that a wrong answer cannot loop forever and a huge backlog never
 * holds a page for long. The services' pages hold at most 500 items.
 */
public record Paging(int size, int maxPages) {

    /** One page of a listing: the page number (from 0) and its size, as the services' {@code page} and {@code size}. */
    @FunctionalInterface
    public interface Page<T> {
        List<T> read(int page, int size);
    }

    public Paging {
        if (size < 1 || maxPages < 1) {
            throw new IllegalArgumentException("size and maxPages must be positive");
        }
    }

    /** Every item of the listing, up to {@code size * maxPages}. */
    public <T> List<T> all(Page<T> listing) {
        List<T> all = new ArrayList<>();
        for (int page = 0; page < maxPages; page++) {
            List<T> some = listing.read(page, size);
            all.addAll(some);
            if (some.size() < size) {
                break;
            }
        }
        return all;
    }
}
