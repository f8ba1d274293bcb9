package dev.atelier.storage.s3.internal;

import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.tenant.TenantContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A tenant's settings for this backend, read from its plugin configuration in every call.
 *
 * @param bucket the bucket holding the tenant's objects
 * @param prefix where in the bucket the backend keeps objects: empty or ending in {@code /}
 * @param client how to reach the service and sign requests
 */
record S3Settings(String bucket, String prefix, ClientSettings client) {

    static final String BUCKET = "bucket";
    static final String REGION = "region";
    static final String ENDPOINT = "endpoint";
    static final String PATH_STYLE = "path_style";
    static final String ACCESS_KEY_ID = "access_key_id";
    static final String SECRET_ACCESS_KEY = "secret_access_key";
    static final String PREFIX = "prefix";

    static final String DEFAULT_REGION = "us-east-1";

    // S3's own rules are looser for old buckets, but every service this backend targets accepts these names.
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]");
    private static final Pattern REGION_NAME = Pattern.compile("[a-z0-9][a-z0-9\\-]{0,62}");

    /** Reads and checks the settings; the message of a failure names the setting, never a secret's value. */
    static S3Settings of(TenantContext tenant) throws StorageException {
        String bucket = required(tenant, BUCKET);
        if (!BUCKET_NAME.matcher(bucket).matches()) {
            throw invalid(tenant, BUCKET, "'" + bucket + "' is not a bucket name (3 to 63 lower-case letters, digits, "
                    + "dots and hyphens)");
        }
        String region = tenant.pluginConfig(REGION).map(String::trim).orElse(DEFAULT_REGION);
        if (!REGION_NAME.matcher(region).matches()) {
            throw invalid(tenant, REGION, "'" + region + "' is not a region name (for example us-east-1, or auto for R2)");
        }
        URI endpoint = endpoint(tenant);
        boolean pathStyle = pathStyle(tenant);
        String accessKeyId = required(tenant, ACCESS_KEY_ID);
        String secretAccessKey = required(tenant, SECRET_ACCESS_KEY);
        String prefix = ObjectKeys.prefix(tenant.pluginConfig(PREFIX).orElse(""));
        return new S3Settings(bucket, prefix,
                new ClientSettings(region, endpoint, pathStyle, accessKeyId.trim(), secretAccessKey.trim()));
    }

    /** Where the service is, for messages: the endpoint, or the AWS region. */
    String where() {
        return "bucket " + bucket + (client.endpoint() != null ? " at " + client.endpoint() : " in " + client.region());
    }

    private static URI endpoint(TenantContext tenant) throws StorageException {
        String value = tenant.pluginConfig(ENDPOINT).map(String::trim).orElse(null);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null
                    || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
                throw invalid(tenant, ENDPOINT, "'" + value + "' is not an http(s) URL of a service, such as "
                        + "https://<account>.r2.cloudflarestorage.com or http://minio:9000");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(tenant, ENDPOINT, "'" + value + "' is not a URL: " + e.getReason());
        }
    }

    private static boolean pathStyle(TenantContext tenant) throws StorageException {
        String value = tenant.pluginConfig(PATH_STYLE).map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse("false");
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(tenant, PATH_STYLE, "'" + value + "' is neither true nor false");
        };
    }

    private static String required(TenantContext tenant, String key) throws StorageException {
        return tenant.pluginConfig(key).orElseThrow(() -> new StorageException("S3 storage of tenant "
                + tenant.tenantId() + " has no '" + key + "' setting: set it in the tenant's storage config"));
    }

    private static StorageException invalid(TenantContext tenant, String key, String problem) {
        return new StorageException("S3 storage setting '" + key + "' of tenant " + tenant.tenantId() + ": " + problem);
    }

    /**
     * What a client is built from; tenants with equal settings share one client.
     *
     * @param endpoint the service's URL, or {@code null} for AWS S3 in {@code region}
     */
    record ClientSettings(String region, URI endpoint, boolean pathStyle, String accessKeyId, String secretAccessKey) {

        /** Without the secret: this may end up in a log line. */
        @Override
        public String toString() {
            return "S3 client[" + (endpoint != null ? endpoint + ", " : "") + region + (pathStyle ? ", path style" : "")
                    + ", key " + accessKeyId + "]";
        }
    }
}
