package dev.atelier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.web.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PaginationTest {

    private final List<String> letters = List.of("a", "b", "c", "d", "e");

    @Test
    void walkingTheCursorsVisitsEveryItemOnce() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<String> page = Pagination.page(letters, Function.identity(), 2, cursor);
            seen.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(seen).isEqualTo(letters);
    }

    @Test
    void lastPageHasNoNextCursor() {
        assertThat(Pagination.page(letters, Function.identity(), 5, null).nextCursor()).isNull();
        assertThat(Pagination.page(letters, Function.identity(), null, null).items()).hasSize(5);
    }

    @Test
    void limitOutsideOneToHundredIsRejectedWith422() {
        assertThatThrownBy(() -> Pagination.page(letters, Function.identity(), 101, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(422);
                    assertThat(e.problem().errors()).extracting("field").containsExactly("limit");
                });
    }

    @Test
    void forgedCursorIsABadRequest() {
        String handedOut = Pagination.page(letters, Function.identity(), 2, null).nextCursor();
        String otherKey = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("zz".getBytes());
        for (String forged : List.of("***", "zzz", otherKey, otherKey + handedOut.substring(handedOut.indexOf('.')),
                handedOut.substring(0, handedOut.length() - 1), newestFirstCursor() + "x")) {
            assertThatThrownBy(() -> Pagination.page(letters, Function.identity(), 2, forged)).as(forged)
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.problem().status()).isEqualTo(400));
        }
        assertThat(Pagination.before(newestFirstCursor())).isEqualTo("b");
    }

    private static String newestFirstCursor() {
        return Pagination.newestFirst(List.of("c", "b", "a"), Function.identity(), 2).nextCursor();
    }
}
