package org.privacyplatform.commons.paging;

import java.net.URI;
import java.util.List;

import org.jboss.resteasy.reactive.RestResponse;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * A page of a list as the API answers it: the JSON array of the page's entries (the shape clients already read)
 * and, when another page follows, an RFC 8288 {@code Link: <...?page=N&size=S>; rel="next"} header.
 */
public final class Paged {

    private Paged() {
    }

    /**
     * @param fetched the page's entries plus, if another page follows, one more (read up to
     *                {@link PageRequest#lastFetched()})
     */
    public static <T> RestResponse<List<T>> of(List<T> fetched, PageRequest page, UriInfo uri) {
        if (fetched.size() <= page.size()) {
            return RestResponse.ok(fetched);
        }
        return RestResponse.ResponseBuilder.ok(fetched.subList(0, page.size()))
                .header(HttpHeaders.LINK, "<" + next(page, uri) + ">; rel=\"next\"").build();
    }

    /** Whether another page follows the entries fetched for {@code page}. */
    public static boolean hasNext(List<?> fetched, PageRequest page) {
        return fetched.size() > page.size();
    }

    /** The page's own entries, without the one read to know whether another follows. */
    public static <T> List<T> entries(List<T> fetched, PageRequest page) {
        return hasNext(fetched, page) ? fetched.subList(0, page.size()) : fetched;
    }

    /** The next page's path and query, relative to the server (the request's other parameters kept). */
    public static String next(PageRequest page, UriInfo uri) {
        URI next = uri.getRequestUriBuilder().replaceQueryParam("page", page.page() + 1)
                .replaceQueryParam("size", page.size()).build();
        return next.getRawPath() + "?" + next.getRawQuery();
    }
}
