package dev.atelier.testkit;

/** Reads and replaces the database name in a PostgreSQL JDBC URL ({@code jdbc:postgresql://host:port/name?params}). */
final class JdbcUrls {

    private JdbcUrls() {}

    static String withDatabase(String url, String database) {
        int slash = pathStart(url);
        int query = url.indexOf('?', slash < 0 ? 0 : slash);
        String params = query < 0 ? "" : url.substring(query);
        String base = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        return base + "/" + database + params;
    }

    static String databaseName(String url) {
        int slash = pathStart(url);
        if (slash < 0) {
            return "";
        }
        int query = url.indexOf('?', slash);
        return url.substring(slash + 1, query < 0 ? url.length() : query);
    }

    private static int pathStart(String url) {
        int hosts = url.indexOf("//");
        if (hosts < 0) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + url);
        }
        return url.indexOf('/', hosts + 2);
    }
}
