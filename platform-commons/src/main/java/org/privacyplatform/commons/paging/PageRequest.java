package org.privacyplatform.commons.paging;

import org.privacyplatform.commons.problem.ProblemException;

/**
 * Which page of a list the caller asks for: {@code page} counts from 0, {@code size} is 1 to {@value #MAX_SIZE}
 * (default {@value #DEFAULT_SIZE}). Every list the services answer is read one such page at a time.
 *
 * @param page 0-based page index
 * @param size entries per page
 */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 100;

    /** The query parameters as the caller sent them (null when absent); a 400 naming the parameter otherwise. */
    public static PageRequest of(Integer page, Integer size) {
        int index = page == null ? 0 : page;
        int entries = size == null ? DEFAULT_SIZE : size;
        if (index < 0) {
            throw ProblemException.badRequest("page", "page must be 0 or more");
        }
        if (entries < 1 || entries > MAX_SIZE) {
            throw ProblemException.badRequest("size", "size must be between 1 and " + MAX_SIZE);
        }
        if ((long) index * entries + entries >= Integer.MAX_VALUE) {
            // an offset no list reaches; and one that would overflow the database's row offset
            throw ProblemException.badRequest("page", "page " + index + " of " + entries + " entries is beyond any list");
        }
        return new PageRequest(index, entries);
    }

    /** The first page of the largest size, for callers that read a whole list page by page. */
    public static PageRequest first() {
        return new PageRequest(0, MAX_SIZE);
    }

    public PageRequest next() {
        return new PageRequest(page + 1, size);
    }

    /** Index of the page's first entry. */
    public int offset() {
        return page * size;
    }

    /** Index of the last row to read: one past the page, so that the answer knows whether another page follows. */
    public int lastFetched() {
        return offset() + size;
    }
}
