package dev.atelier.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns configuration text into a typed value, or says in words what is wrong with it. */
@FunctionalInterface
interface ValueParser<T> {

    T parse(String text) throws InvalidValueException;

    static ValueParser<String> text() {
        return text -> text;
    }

    static ValueParser<String> nonBlank() {
        return text -> {
            if (text.isEmpty()) {
                throw new InvalidValueException("must not be empty");
            }
            return text;
        };
    }

    /** {@code true} or {@code false}, any letter case. */
    static ValueParser<Boolean> bool() {
        return text -> {
            String value = text.strip().toLowerCase(java.util.Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw new InvalidValueException("must be true or false");
            }
            return Boolean.valueOf(value);
        };
    }

    /** One of {@code values}, any letter case; answered in lower case. */
    static ValueParser<String> oneOf(String... values) {
        java.util.List<String> allowed = java.util.List.of(values);
        return text -> {
            String value = text.strip().toLowerCase(Locale.ROOT);
            if (!allowed.contains(value)) {
                throw new InvalidValueException("must be one of " + String.join(", ", allowed));
            }
            return value;
        };
    }

    /** An absolute http(s) URL without query or fragment. */
    static ValueParser<String> httpUrl() {
        return text -> {
            String value = text.strip();
            try {
                java.net.URI uri = new java.net.URI(value);
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                        || uri.getQuery() != null || uri.getFragment() != null) {
                    throw new InvalidValueException("must be an absolute http or https URL such as https://accounts.google.com");
                }
                return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            } catch (java.net.URISyntaxException e) {
                throw new InvalidValueException("must be an absolute http or https URL such as https://accounts.google.com");
            }
        };
    }

    /** Empty, or an absolute http(s) URL without query or fragment (its trailing slash removed). */
    static ValueParser<String> httpUrlOrEmpty() {
        ValueParser<String> url = httpUrl();
        return text -> text.isBlank() ? "" : url.parse(text);
    }

    static ValueParser<Integer> integer(int min, int max) {
        return text -> {
            String problem = "must be a whole number between " + min + " and " + max;
            try {
                int value = Integer.parseInt(text);
                if (value < min || value > max) {
                    throw new InvalidValueException(problem);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new InvalidValueException(problem);
            }
        };
    }

    /** Durations such as {@code 200ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
    static ValueParser<Duration> duration(Duration min, Duration max) {
        Pattern pattern = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
        return text -> {
            Matcher m = pattern.matcher(text.toLowerCase(Locale.ROOT));
            String problem = "must be a duration such as 200ms, 30s, 5m or 1h, between " + format(min) + " and "
                    + format(max);
            if (!m.matches()) {
                throw new InvalidValueException(problem);
            }
            long amount = Long.parseLong(m.group(1));
            Duration value = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new InvalidValueException(problem);
            }
            return value;
        };
    }

    /** A PostgreSQL JDBC URL, or empty for the embedded database. */
    static ValueParser<String> jdbcUrlOrEmpty() {
        return text -> {
            if (!text.isEmpty() && !text.startsWith("jdbc:postgresql://")) {
                throw new InvalidValueException(
                        "must be a PostgreSQL JDBC URL such as jdbc:postgresql://db.example:5432/atelier,"
                                + " or empty for the embedded database");
            }
            return text;
        };
    }

    /** A Redis URI ({@code redis://} or {@code rediss://} with TLS), or empty for no Redis. */
    static ValueParser<String> redisUrlOrEmpty() {
        return text -> {
            if (!text.isEmpty() && !text.startsWith("redis://") && !text.startsWith("rediss://")) {
                throw new InvalidValueException("must be a Redis URL such as redis://127.0.0.1:6379 (rediss:// for TLS),"
                        + " or empty for no Redis");
            }
            return text;
        };
    }

    /** Base64 of exactly {@code bytes} bytes, or empty. */
    static ValueParser<String> base64KeyOrEmpty(int bytes) {
        return text -> {
            if (text.isEmpty()) {
                return text;
            }
            String problem = "must be the base64 encoding of " + bytes + " random bytes (for example the output of"
                    + " `openssl rand -base64 " + bytes + "`), or empty";
            try {
                if (java.util.Base64.getDecoder().decode(text).length != bytes) {
                    throw new InvalidValueException(problem);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException(problem);
            }
            return text;
        };
    }

    static ValueParser<java.util.List<String>> base64KeysOrEmpty(int bytes) {
        ValueParser<String> oneKey = base64KeyOrEmpty(bytes);
        return text -> {
            java.util.List<String> keys = new java.util.ArrayList<>();
            for (String key : text.split(",")) {
                if (!key.isBlank()) {
                    keys.add(oneKey.parse(key.strip()));
                }
            }
            return java.util.List.copyOf(keys);
        };
    }

    /**
     * Comma-separated {@code name=number} pairs such as {@code replicate-video=8,openai-images=20}; empty for none.
     * Names are ids (letters, digits, {@code . _ -}), each at most once; numbers between {@code min} and {@code max}.
     */
    static ValueParser<java.util.Map<String, Integer>> namedCounts(int min, int max) {
        Pattern pair = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)\\s*=\\s*(\\d{1,9})");
        return text -> {
            java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            for (String item : text.split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                Matcher m = pair.matcher(item.strip());
                if (!m.matches()) {
                    throw new InvalidValueException("must be comma-separated id=number pairs such as"
                            + " replicate-video=8,openai-images=20; '" + item.strip() + "' is not one");
                }
                int count = Integer.parseInt(m.group(2));
                if (count < min || count > max) {
                    throw new InvalidValueException("gives " + m.group(1) + " " + count + "; each number must be"
                            + " between " + min + " and " + max);
                }
                if (counts.put(m.group(1), count) != null) {
                    throw new InvalidValueException("names " + m.group(1) + " twice");
                }
            }
            return java.util.Map.copyOf(counts);
        };
    }

    private static String format(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        return d.toSeconds() % 60 == 0 && d.toMinutes() > 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }
}
