package dev.atelier.storage.s3.internal;

import dev.atelier.spi.plugin.DataCategory;
import dev.atelier.spi.plugin.DataProcessorDisclosure;
import dev.atelier.spi.plugin.InvalidSettingsException;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.PluginSettings;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.plugin.SettingsSchema;
import dev.atelier.spi.storage.StorageException;
import dev.atelier.spi.tenant.TenantContext;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A tenant's settings for this backend, read from its plugin configuration in every call.
 *
 * @param bucket the bucket holding the tenant's objects
 * @param prefix where in the bucket the backend keeps objects: empty or ending in {@code /}
 * @param client how to reach the service and sign requests
 */
record S3Settings(String bucket, String prefix, ClientSettings client) {

    // S3's own rules are looser for old buckets, but every service this backend targets accepts these names.
    static final Setting<String> BUCKET = Setting.text("bucket").required()
            .matching("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]",
                    "a bucket name (3 to 63 lower-case letters, digits, dots and hyphens)")
            .describedAs("The bucket holding the tenant's uploads and generated media");
    static final Setting<String> REGION = Setting.text("region").defaultsTo("us-east-1")
            .matching("[a-z0-9][a-z0-9\\-]{0,62}", "a region name (for example us-east-1, or auto for R2)")
            .describedAs("The bucket's region; auto for Cloudflare R2");
    static final Setting<URI> ENDPOINT = Setting.url("endpoint")
            .matching("[^?#@]+", "the http(s) URL of a service without user, query or fragment, such as "
                    + "https://<account>.r2.cloudflarestorage.com or http://minio:9000")
            .describedAs("The service's URL for an S3-compatible service (R2, MinIO); empty for AWS S3");
    static final Setting<Boolean> PATH_STYLE = Setting.bool("path_style").defaultsTo("false")
            .describedAs("Whether the bucket is named in the path rather than the host name (MinIO needs true)");
    static final Setting<String> ACCESS_KEY_ID = Setting.text("access_key_id").required()
            .describedAs("The access key id of credentials that may read and write the bucket");
    static final Setting<String> SECRET_ACCESS_KEY = Setting.secret("secret_access_key").required()
            .describedAs("The secret access key of those credentials");
    static final Setting<String> PREFIX = Setting.text("prefix").defaultsTo("")
            .matching("[A-Za-z0-9/._\\-]*", "a folder path of letters, digits and / . _ -")
            .describedAs("A folder in the bucket under which the backend keeps its objects");

    static final PluginDescription DESCRIPTION = new PluginDescription(
            SettingsSchema.of(BUCKET, REGION, ENDPOINT, PATH_STYLE, ACCESS_KEY_ID, SECRET_ACCESS_KEY, PREFIX),
            List.of(new DataProcessorDisclosure("Amazon Web Services, Inc.", "Amazon S3",
                    Set.of(DataCategory.UPLOADED_MEDIA, DataCategory.GENERATED_MEDIA),
                    "Stores the images and videos users upload and generate",
                    "The AWS region of the tenant's bucket (United States, us-east-1, unless set otherwise)",
                    URI.create("https://aws.amazon.com/privacy/"))));

    /** Reads and checks the settings; the message of a failure names each setting, never a secret's value. */
    static S3Settings of(TenantContext tenant) throws StorageException {
        PluginSettings values;
        try {
            values = DESCRIPTION.settings().read(tenant.pluginConfig());
        } catch (InvalidSettingsException e) {
            throw new StorageException("S3 storage of tenant " + tenant.tenantId() + " is not set up: "
                    + e.problems().stream().map(p -> "setting '" + p.key() + "' " + p.message())
                            .collect(Collectors.joining("; ")) + ". Fix it in the tenant's storage config");
        }
        String prefix = ObjectKeys.prefix(values.get(PREFIX));
        return new S3Settings(values.get(BUCKET), prefix, new ClientSettings(values.get(REGION),
                values.find(ENDPOINT).orElse(null), values.get(PATH_STYLE), values.get(ACCESS_KEY_ID),
                values.get(SECRET_ACCESS_KEY)));
    }

    /** Where the service is, for messages: the endpoint, or the AWS region. */
    String where() {
        return "bucket " + bucket + (client.endpoint() != null ? " at " + client.endpoint() : " in " + client.region());
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
