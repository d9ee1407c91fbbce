package org.privacyplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Reading a whole listing: until a short page, never past the bound, asking each page with the paging's size. */
class PagingTest {

    private final List<String> asked = new ArrayList<>();

    /** A listing of {@code total} items, served in pages as a platform service does. */
    private Paging.Page<Integer> listing(int total) {
        return (page, size) -> {
            asked.add(page + "/" + size);
            return IntStream.range(Math.min(total, page * size), Math.min(total, (page + 1) * size)).boxed().toList();
        };
    }

    @Test
    void readsUntilAShortPage() {
        assertThat(new Paging(3, 10).all(listing(7))).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(asked).containsExactly("0/3", "1/3", "2/3");
    }

    @Test
    void aFullLastPageIsFollowedByAnEmptyOne() {
        assertThat(new Paging(3, 10).all(listing(6))).hasSize(6);
        assertThat(asked).containsExactly("0/3", "1/3", "2/3");
    }

    @Test
    void neverReadsMoreThanTheBound() {
        assertThat(new Paging(2, 3).all(listing(100))).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(asked).hasSize(3);
    }

    @Test
    void anEmptyListingIsOneQuestion() {
        assertThat(new Paging(500, 10).all(listing(0))).isEmpty();
        assertThat(asked).containsExactly("0/500");
    }

    @Test
    void aBoundThatReadsNothingIsRefused() {
        assertThatThrownBy(() -> new Paging(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Paging(500, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
