package dev.atelier.web;

import dev.atelier.web.problem.Problem;
import dev.atelier.web.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * Keyset pagination over a list sorted by a unique string key: {@code ?limit=} (default 20, at most 100) and an opaque
 * {@code cursor} that encodes the last key of the previous page.
 */
public final class Pagination {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Pagination() {}

    /** Cuts one page out of {@code sorted}, which must be sorted by {@code key} ascending. */
    public static <T> Page<T> page(List<T> sorted, Function<T, String> key, Integer limit, String cursor) {
        int size = checkLimit(limit);
        String after = cursor == null || cursor.isEmpty() ? null : decode(cursor);
        int start = 0;
        if (after != null) {
            while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(after) <= 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + size);
        List<T> items = sorted.subList(start, end);
        String next = end < sorted.size() ? encode(key.apply(sorted.get(end - 1))) : null;
        return new Page<>(List.copyOf(items), next);
    }

    /** The {@code ?limit=} of a request as text: default 20, 1..100, anything else a 422 naming the field. */
    public static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            return checkLimit(Integer.valueOf(limit.strip()));
        } catch (NumberFormatException e) {
            return checkLimit(-1);
        }
    }

    private static int checkLimit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalid("limit must be between 1 and " + MAX_LIMIT + ".",
                    List.of(new Problem.FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        return limit;
    }

    /**
     * One page of a list read from the database newest first by a key that sorts by age (a UUIDv7-based id): the
     * caller reads up to {@code limit + 1} items with keys below {@link #before}'s answer; this keeps {@code limit} and
     * names the cursor of the next page when there was one more.
     */
    public static <T> Page<T> newestFirst(List<T> readOneMore, Function<T, String> key, int limit) {
        if (readOneMore.size() <= limit) {
            return new Page<>(List.copyOf(readOneMore), null);
        }
        List<T> items = List.copyOf(readOneMore.subList(0, limit));
        return new Page<>(items, encode(key.apply(items.get(limit - 1))));
    }

    /** The key below which a {@link #newestFirst} page starts: {@code null} for the first page. */
    public static String before(String cursor) {
        return cursor == null || cursor.isEmpty() ? null : decode(cursor);
    }

    // A cursor is the key and a check of it, so that one the API did not hand out (typed, cut short, another list's)
    // is told apart from a real position and refused. Not a secret: the lists it pages are the caller's to read.
    private static final char CHECK_SEPARATOR = '.';

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8))
                + CHECK_SEPARATOR + check(key);
    }

    private static String check(String key) {
        CRC32C crc = new CRC32C();
        crc.update(("atelier cursor " + key).getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue(), 36);
    }

    private static String decode(String cursor) {
        int separator = cursor.lastIndexOf(CHECK_SEPARATOR);
        try {
            if (separator > 0 && cursor.length() <= 1024) {
                String key = new String(Base64.getUrlDecoder().decode(cursor.substring(0, separator)),
                        StandardCharsets.UTF_8);
                if (check(key).equals(cursor.substring(separator + 1))) {
                    return key;
                }
            }
        } catch (IllegalArgumentException e) {
            // Not base64: refused below like any other cursor that was not handed out.
        }
        throw new ProblemException(400, "Bad request",
                "The cursor is not one this API handed out; start again without it.");
    }
}
