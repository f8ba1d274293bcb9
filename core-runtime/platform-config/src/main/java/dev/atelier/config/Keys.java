package dev.atelier.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Every configuration key of the platform. {@code docs/configuration.md} documents each one; a test keeps the two in
 * step.
 */
public final class Keys {

    public static final ConfigKey<String> PROFILE = ConfigKey.of(
            "atelier.profile", "", ValueParser.text(),
            "Configuration profile; tenant folders may hold a tenant.<profile>.yaml overlay for it. Empty: local with"
                    + " the embedded database, production with an external one (see AtelierConfig.profile()).");

    public static final ConfigKey<String> DATA_DIR = ConfigKey.of(
            "atelier.data-dir", "data", ValueParser.nonBlank(),
            "Where the platform keeps its state (embedded database, plugin cache). Relative to the home folder.");

    public static final ConfigKey<String> HTTP_HOST = ConfigKey.of(
            "atelier.http.host", "0.0.0.0", ValueParser.nonBlank(),
            "Address the web server listens on.");

    public static final ConfigKey<Integer> HTTP_PORT = ConfigKey.of(
            "atelier.http.port", "8080", ValueParser.integer(0, 65535),
            "Port the web server listens on; 0 picks a free port.");

    public static final ConfigKey<String> DB_URL = ConfigKey.of(
            "atelier.db.url", "", ValueParser.jdbcUrlOrEmpty(),
            "JDBC URL of an external PostgreSQL server. Empty: start an embedded PostgreSQL in <data-dir>/postgres.");

    public static final ConfigKey<String> DB_USER = ConfigKey.of(
            "atelier.db.user", "atelier", ValueParser.text(), "User for the external PostgreSQL server.");

    public static final ConfigKey<String> DB_PASSWORD = ConfigKey.secret(
            "atelier.db.password", "", ValueParser.text(), "Password for the external PostgreSQL server.");

    public static final ConfigKey<Integer> DB_POOL_SIZE = ConfigKey.of(
            "atelier.db.pool-size", "10", ValueParser.integer(1, 500), "Largest number of pooled connections.");

    public static final ConfigKey<Integer> DB_EMBEDDED_PORT = ConfigKey.of(
            "atelier.db.embedded-port", "0", ValueParser.integer(0, 65535),
            "Port of the embedded PostgreSQL; 0 picks a free port at each start.");

    public static final ConfigKey<String> DB_EMBEDDED_BINARIES_DIR = ConfigKey.of(
            "atelier.db.embedded-binaries-dir", "", ValueParser.text(),
            "Where the embedded PostgreSQL's binaries are unpacked, relative to the home folder. Empty: beside the"
                    + " cluster in the data folder. bin/atelier sets it to the installation's postgres-binaries folder.");

    public static final ConfigKey<Duration> DB_LIVENESS_GRACE = ConfigKey.of(
            "atelier.db.liveness-grace", "1m", ValueParser.duration(Duration.ofSeconds(1), Duration.ofHours(1)),
            "How long the database may stay unreachable before /healthz reports this node as not alive.");

    public static final ConfigKey<String> REDIS_URL = ConfigKey.secret(
            "atelier.redis.url", "", ValueParser.redisUrlOrEmpty(),
            "Redis shared by every node (rate limits, cluster events), e.g. redis://127.0.0.1:6379. Empty: no Redis.");

    public static final ConfigKey<String> NODE_ROLE = ConfigKey.of(
            "atelier.node.role", "all", ValueParser.oneOf("all", "web", "worker"),
            "What this node does: web (pages and the API, no job workers), worker (runs jobs, answers only /healthz"
                    + " and /readyz) or all (both). Also `bin/atelier start --role`.");

    public static final ConfigKey<Duration> CLUSTER_CATCH_UP_INTERVAL = ConfigKey.of(
            "atelier.cluster.catch-up-interval", "30s",
            ValueParser.duration(Duration.ofSeconds(1), Duration.ofHours(1)),
            "How often a node reads the recorded cluster changes even without a reconnect, to apply one whose message"
                    + " could not be sent.");

    public static final ConfigKey<Duration> CLUSTER_CHANGE_RETENTION = ConfigKey.of(
            "atelier.cluster.change-retention", "168h",
            ValueParser.duration(Duration.ofHours(1), Duration.ofHours(8760)),
            "How long recorded cluster changes are kept for nodes that reconnect (default 7 days).");

    public static final ConfigKey<String> RATE_LIMITS = ConfigKey.of(
            "atelier.rate-limits", "", ValueParser.text(),
            "Platform rate limits replacing the defaults, kind=attempts/period separated by commas, e.g."
                    + " \"signin-ip=30/10m, checkout=5/10m\". Tenants may set their own in tenant.yaml (rate_limits).");

    public static final ConfigKey<String> RATE_LIMITS_FAIL_CLOSED = ConfigKey.of(
            "atelier.rate-limits.fail-closed",
            "signin-ip,signin-account-ip,signin-account,reauth-account,signup-ip,reset-ip,reset-account",
            ValueParser.text(),
            "Rate-limit kinds refused (503) while Redis is unreachable; the other kinds are let through uncounted."
                    + " Empty: every kind fails open.");

    public static final ConfigKey<String> DEPLOY_DIR = ConfigKey.of(
            "atelier.plugins.deploy-dir", "deploy", ValueParser.nonBlank(),
            "Folder watched for plugin bundle jars. Relative to the home folder.");

    public static final ConfigKey<String> SYSTEM_BUNDLES_DIR = ConfigKey.of(
            "atelier.plugins.system-bundles-dir", "system-bundles", ValueParser.nonBlank(),
            "Folder of the OSGi bundles the plugin host itself needs (Declarative Services). Relative to home.");

    public static final ConfigKey<Duration> POLL_INTERVAL = ConfigKey.of(
            "atelier.plugins.poll-interval", "200ms",
            ValueParser.duration(Duration.ofMillis(20), Duration.ofMinutes(1)),
            "How often the deploy folder is checked for new, changed or removed jars.");

    public static final ConfigKey<Duration> CLUSTER_BUNDLES_INTERVAL = ConfigKey.of(
            "atelier.plugins.cluster-interval", "1s",
            ValueParser.duration(Duration.ofMillis(100), Duration.ofMinutes(10)),
            "How often the deploy folder and the cluster's bundle repository are brought in step.");

    public static final ConfigKey<Integer> RETAINED_BUNDLE_VERSIONS = ConfigKey.of(
            "atelier.plugins.retained-versions", "5", ValueParser.integer(1, 100),
            "How many distinct jars of each bundle the cluster keeps for one-click rollback, the current one included.");

    public static final ConfigKey<Integer> CANARY_MIN_CALLS = ConfigKey.of(
            "atelier.plugins.canary.min-calls", "10", ValueParser.integer(1, 1_000_000),
            "Calls a canary must have served before its error rate can roll it back automatically.");

    public static final ConfigKey<Integer> CANARY_MAX_ERROR_PERCENT = ConfigKey.of(
            "atelier.plugins.canary.max-error-percent", "20", ValueParser.integer(0, 100),
            "A canary whose error rate rises above this percentage (after min-calls) is rolled back automatically.");

    public static final ConfigKey<Duration> DRAIN_TIMEOUT = ConfigKey.of(
            "atelier.plugins.drain-timeout", "30s", ValueParser.duration(Duration.ZERO, Duration.ofHours(1)),
            "How long an updated or removed bundle may finish its running calls before it is stopped.");

    public static final ConfigKey<Duration> CALL_TIMEOUT = ConfigKey.of(
            "atelier.plugins.call-timeout", "1h", ValueParser.duration(Duration.ofSeconds(1), Duration.ofHours(6)),
            "Longest time one plugin call (for example one generation) may take, whatever the model declares.");

    public static final ConfigKey<Boolean> PLUGINS_ALLOW_PRIVATE_ADDRESSES = ConfigKey.of(
            "atelier.plugins.allow-private-addresses", "false", ValueParser.bool(),
            "Let URLs in plugin settings (a model's base_url, a storage endpoint) point at loopback, private or"
                    + " link-local addresses. Only for vendors reached on a private network, and tests.");

    public static final ConfigKey<String> OPERATOR_HOST = ConfigKey.of(
            "atelier.operator-host", "operator.localhost", ValueParser.nonBlank(),
            "Host name of the operator console.");

    public static final ConfigKey<String> BASE_DOMAIN = ConfigKey.of(
            "atelier.base-domain", "localhost", ValueParser.nonBlank(),
            "Every tenant is also served on <slug>.<base-domain>.");

    public static final ConfigKey<String> TENANT_CONFIGS_DIR = ConfigKey.of(
            "atelier.tenant-configs-dir", "tenant-configs", ValueParser.nonBlank(),
            "Folder of tenant folders applied at start-up. Relative to the home folder.");

    public static final ConfigKey<String> SECRETS_KEY = ConfigKey.secret(
            "atelier.secrets.key", "", ValueParser.base64KeyOrEmpty(32),
            "Base64 of 32 random bytes: the AES key tenant secrets are encrypted with. Required with atelier.db.url.");

    public static final ConfigKey<List<String>> SECRETS_PREVIOUS_KEYS = ConfigKey.secret(
            "atelier.secrets.previous-keys", "", ValueParser.base64KeysOrEmpty(32),
            "Comma-separated earlier secrets keys (base64 of 32 bytes each): they only open what they sealed, until"
                    + " `atelier secrets rotate` has sealed everything again with atelier.secrets.key.");

    public static final ConfigKey<Integer> ARGON2_MEMORY_KIB = ConfigKey.of(
            "atelier.accounts.argon2.memory-kib", "19456", ValueParser.integer(8, 4_194_304),
            "Memory of one Argon2id password hash, in KiB. Changing it rehashes each password at its next sign-in.");

    public static final ConfigKey<Integer> ARGON2_ITERATIONS = ConfigKey.of(
            "atelier.accounts.argon2.iterations", "2", ValueParser.integer(1, 100),
            "Passes of one Argon2id password hash. Changing it rehashes each password at its next sign-in.");

    public static final ConfigKey<Integer> ARGON2_PARALLELISM = ConfigKey.of(
            "atelier.accounts.argon2.parallelism", "1", ValueParser.integer(1, 64),
            "Lanes of one Argon2id password hash. Changing it rehashes each password at its next sign-in.");

    public static final ConfigKey<Duration> SESSION_IDLE_TIMEOUT = ConfigKey.of(
            "atelier.accounts.session.idle-timeout", "336h",
            ValueParser.duration(Duration.ofMinutes(5), Duration.ofHours(8760)),
            "A signed-in session ends after this long unused (default 14 days).");

    public static final ConfigKey<Duration> SESSION_ABSOLUTE_LIFETIME = ConfigKey.of(
            "atelier.accounts.session.absolute-lifetime", "720h",
            ValueParser.duration(Duration.ofMinutes(5), Duration.ofHours(8760)),
            "A signed-in session ends this long after sign-in however much it is used (default 30 days).");

    public static final ConfigKey<Duration> SESSION_CACHE_MAX_AGE = ConfigKey.of(
            "atelier.accounts.session.cache-max-age", "30s",
            ValueParser.duration(Duration.ZERO, Duration.ofMinutes(5)),
            "How long a node reuses a signed-in user it read (session or API token, account, admin flag) before"
                    + " reading it again; 0s reads it on every request.");

    public static final ConfigKey<Duration> API_TOKEN_RECENT_SIGN_IN = ConfigKey.of(
            "atelier.accounts.api-token.recent-sign-in", "1h",
            ValueParser.duration(Duration.ofMinutes(1), Duration.ofHours(24)),
            "A personal API token can only be created in a session signed in at most this long ago.");

    public static final ConfigKey<String> MAIL_SMTP_HOST = ConfigKey.of(
            "atelier.mail.smtp.host", "", ValueParser.text(),
            "SMTP server transactional email is sent through. Empty: each message is written as an .eml file instead.");

    public static final ConfigKey<Integer> MAIL_SMTP_PORT = ConfigKey.of(
            "atelier.mail.smtp.port", "587", ValueParser.integer(1, 65535), "Port of the SMTP server.");

    public static final ConfigKey<String> MAIL_SMTP_USERNAME = ConfigKey.of(
            "atelier.mail.smtp.username", "", ValueParser.text(), "User for the SMTP server; empty: no authentication.");

    public static final ConfigKey<String> MAIL_SMTP_PASSWORD = ConfigKey.secret(
            "atelier.mail.smtp.password", "", ValueParser.text(), "Password for the SMTP server.");

    public static final ConfigKey<String> MAIL_SMTP_TLS = ConfigKey.of(
            "atelier.mail.smtp.tls", "starttls", text -> {
                String mode = text.strip().toLowerCase(Locale.ROOT);
                if (!List.of("starttls", "tls", "none").contains(mode)) {
                    throw new InvalidValueException("must be starttls, tls or none");
                }
                return mode;
            },
            "How the SMTP connection is encrypted: starttls (required, not optional), tls (implicit, port 465) or none.");

    public static final ConfigKey<String> MAIL_DIR = ConfigKey.of(
            "atelier.mail.dir", "mail", ValueParser.nonBlank(),
            "Folder the .eml files go to when no SMTP host is set. Relative to the data dir.");

    public static final ConfigKey<Duration> MAIL_POLL_INTERVAL = ConfigKey.of(
            "atelier.mail.poll-interval", "2s", ValueParser.duration(Duration.ofMillis(50), Duration.ofHours(1)),
            "How often the mail outbox is checked for messages due to be sent.");

    public static final ConfigKey<Boolean> SECURE_COOKIES = ConfigKey.of(
            "atelier.http.secure-cookies", "false", ValueParser.bool(),
            "Mark session cookies Secure (sent over HTTPS only) and build mailed links with https. Set true in production.");

    public static final ConfigKey<Boolean> TRUST_FORWARDED_HEADERS = ConfigKey.of(
            "atelier.http.trust-forwarded-headers", "false", ValueParser.bool(),
            "Take client address and scheme from Forwarded / X-Forwarded-* headers. Only behind a proxy that sets them.");

    public static final ConfigKey<Integer> EVENT_STREAMS_PER_USER = ConfigKey.of(
            "atelier.http.event-streams.per-user", "8", ValueParser.integer(1, 100_000),
            "Progress event streams one account may hold open at once; more are answered 429.");

    public static final ConfigKey<Integer> EVENT_STREAMS_PER_IP = ConfigKey.of(
            "atelier.http.event-streams.per-ip", "32", ValueParser.integer(1, 100_000),
            "Progress event streams one client address may hold open at once; more are answered 429.");

    public static final ConfigKey<Duration> EVENT_STREAMS_MAX_LIFETIME = ConfigKey.of(
            "atelier.http.event-streams.max-lifetime", "5m",
            ValueParser.duration(Duration.ofSeconds(5), Duration.ofHours(1)),
            "Longest time one progress event stream stays open; browsers reconnect after it ends.");

    public static final ConfigKey<Duration> EVENT_STREAMS_KEEP_ALIVE = ConfigKey.of(
            "atelier.http.event-streams.keep-alive", "15s",
            ValueParser.duration(Duration.ofMillis(100), Duration.ofMinutes(5)),
            "Longest silence on a progress event stream before a comment line keeps it open and finds gone clients.");

    public static final ConfigKey<String> PUBLIC_BASE_URL = ConfigKey.of(
            "atelier.http.public-base-url", "", ValueParser.httpUrlOrEmpty(),
            "Address at which vendors reach this deployment from the internet (https://hooks.example.com), used for"
                    + " their webhooks: paths under /hooks/ answer on every host. Empty: no webhooks, models poll.");

    public static final ConfigKey<String> GOOGLE_ISSUER = ConfigKey.of(
            "atelier.accounts.google.issuer", "https://accounts.google.com", ValueParser.httpUrl(),
            "OpenID Connect issuer used for 'Sign in with Google'; tests point it at a local provider.");

    public static final ConfigKey<Integer> GENERATION_WORKERS = ConfigKey.of(
            "atelier.generation.workers", "2", ValueParser.integer(0, 256),
            "Threads of this node running generation jobs (0: this node only serves pages and the API).");

    public static final ConfigKey<Duration> GENERATION_LEASE = ConfigKey.of(
            "atelier.generation.lease", "30s", ValueParser.duration(Duration.ofSeconds(2), Duration.ofHours(1)),
            "How long a running job stays a worker's without a heartbeat before the sweeper takes it back.");

    public static final ConfigKey<Duration> GENERATION_RUN_DEADLINE = ConfigKey.of(
            "atelier.generation.run-deadline", "10m", ValueParser.duration(Duration.ofSeconds(1), Duration.ofHours(6)),
            "Longest time one attempt of a generation may take, for models that declare no time limit of their own.");

    public static final ConfigKey<Integer> GENERATION_MAX_ATTEMPTS = ConfigKey.of(
            "atelier.generation.max-attempts", "2", ValueParser.integer(1, 10),
            "Attempts of a job whose model fails temporarily or whose worker stopped.");

    public static final ConfigKey<Duration> GENERATION_QUEUED_EXPIRY = ConfigKey.of(
            "atelier.generation.queued-expiry", "1h", ValueParser.duration(Duration.ofMinutes(1), Duration.ofDays(7)),
            "A job still waiting after this long expires and its credits are released.");

    public static final ConfigKey<Duration> GENERATION_SWEEP_INTERVAL = ConfigKey.of(
            "atelier.generation.sweep-interval", "10s", ValueParser.duration(Duration.ofMillis(100), Duration.ofHours(1)),
            "How often stuck and expired jobs and unused uploads are settled.");

    public static final ConfigKey<java.util.Map<String, Integer>> GENERATION_MODEL_LIMITS = ConfigKey.of(
            "atelier.generation.model-limits", "", ValueParser.namedCounts(1, 100_000),
            "Running jobs allowed per model across the whole cluster, as model-id=number pairs"
                    + " (replicate-video=8,openai-images=20); over a model's own declared limit. Empty: none.");

    public static final ConfigKey<Duration> GENERATION_DRAIN_TIME = ConfigKey.of(
            "atelier.generation.drain-time", "20s", ValueParser.duration(Duration.ZERO, Duration.ofHours(1)),
            "How long a stopping node lets its running jobs finish before handing them back to the queue.");

    public static final ConfigKey<Duration> MEDIA_URL_LIFETIME = ConfigKey.of(
            "atelier.media.url-lifetime", "1h", ValueParser.duration(Duration.ofMinutes(1), Duration.ofDays(7)),
            "How long a link to a generated image, video or thumbnail works.");

    public static final ConfigKey<Integer> MEDIA_DECODE_MEMORY_MB = ConfigKey.of(
            "atelier.media.decode-memory-mb", "512", ValueParser.integer(16, 1_048_576),
            "Heap (MB) that decoding uploaded and generated images and poster frames may hold at once on this node.");

    public static final ConfigKey<Duration> MEDIA_POSTER_DEADLINE = ConfigKey.of(
            "atelier.media.poster-deadline", "20s", ValueParser.duration(Duration.ofSeconds(1), Duration.ofMinutes(10)),
            "Longest a video's poster frame may take to decode; past it the model's output is refused.");

    public static final ConfigKey<Integer> UPLOADS_MAX_UNUSED_FILES = ConfigKey.of(
            "atelier.uploads.max-unused-files", "50", ValueParser.integer(1, 100_000),
            "Uploads one person may keep that no generation has used yet.");

    public static final ConfigKey<Integer> UPLOADS_MAX_UNUSED_MB = ConfigKey.of(
            "atelier.uploads.max-unused-mb", "500", ValueParser.integer(1, 1_048_576),
            "Megabytes of uploads one person may keep that no generation has used yet.");

    public static final ConfigKey<Integer> UPLOADS_PER_MINUTE = ConfigKey.of(
            "atelier.uploads.per-minute", "20", ValueParser.integer(1, 10_000),
            "Uploads one person may send per minute.");

    public static final ConfigKey<String> LEGAL_AUTHENTICATION = ConfigKey.of(
            "atelier.legal.authentication", "", ValueParser.text(),
            "Privacy policies name an outside authentication service the deployment relies on, e.g. BetterAuth."
                    + " Written \"Name; legal entity; location; privacy policy URL\", all but the name optional.");

    public static final ConfigKey<String> LEGAL_HOSTING = ConfigKey.of(
            "atelier.legal.hosting", "", ValueParser.text(),
            "Privacy policies name who hosts the platform, e.g. Vercel."
                    + " Written \"Name; legal entity; location; privacy policy URL\", all but the name optional.");

    public static final ConfigKey<String> LEGAL_DATABASE = ConfigKey.of(
            "atelier.legal.database", "", ValueParser.text(),
            "Privacy policies name who runs its PostgreSQL database, e.g. Neon Postgres."
                    + " Written \"Name; legal entity; location; privacy policy URL\", all but the name optional.");

    public static final ConfigKey<String> LEGAL_RATE_LIMITING = ConfigKey.of(
            "atelier.legal.rate-limiting", "", ValueParser.text(),
            "Privacy policies name who runs the rate limiting store (Redis), e.g. Upstash."
                    + " Written \"Name; legal entity; location; privacy policy URL\", all but the name optional.");

    public static final ConfigKey<String> LEGAL_EMAIL = ConfigKey.of(
            "atelier.legal.email", "", ValueParser.text(),
            "Privacy policies name who delivers its email, e.g. Resend."
                    + " Written \"Name; legal entity; location; privacy policy URL\", all but the name optional.");

    /** All keys, in documentation order. */
    public static final List<ConfigKey<?>> ALL = List.of(
            PROFILE, DATA_DIR, HTTP_HOST, HTTP_PORT, OPERATOR_HOST, BASE_DOMAIN, TENANT_CONFIGS_DIR, SECRETS_KEY,
            SECRETS_PREVIOUS_KEYS,
            DB_URL, DB_USER, DB_PASSWORD, DB_POOL_SIZE, DB_EMBEDDED_PORT, DB_EMBEDDED_BINARIES_DIR, DB_LIVENESS_GRACE, REDIS_URL, RATE_LIMITS,
            RATE_LIMITS_FAIL_CLOSED, NODE_ROLE, CLUSTER_CATCH_UP_INTERVAL, CLUSTER_CHANGE_RETENTION,
            DEPLOY_DIR, SYSTEM_BUNDLES_DIR, POLL_INTERVAL, CLUSTER_BUNDLES_INTERVAL, RETAINED_BUNDLE_VERSIONS,
            CANARY_MIN_CALLS, CANARY_MAX_ERROR_PERCENT, DRAIN_TIMEOUT, CALL_TIMEOUT,
            PLUGINS_ALLOW_PRIVATE_ADDRESSES,
            SECURE_COOKIES, TRUST_FORWARDED_HEADERS, EVENT_STREAMS_PER_USER, EVENT_STREAMS_PER_IP,
            EVENT_STREAMS_MAX_LIFETIME, EVENT_STREAMS_KEEP_ALIVE, PUBLIC_BASE_URL,
            ARGON2_MEMORY_KIB, ARGON2_ITERATIONS, ARGON2_PARALLELISM, SESSION_IDLE_TIMEOUT, SESSION_ABSOLUTE_LIFETIME,
            SESSION_CACHE_MAX_AGE,
            API_TOKEN_RECENT_SIGN_IN, GOOGLE_ISSUER,
            MAIL_SMTP_HOST, MAIL_SMTP_PORT, MAIL_SMTP_USERNAME, MAIL_SMTP_PASSWORD, MAIL_SMTP_TLS, MAIL_DIR,
            MAIL_POLL_INTERVAL, GENERATION_WORKERS, GENERATION_LEASE, GENERATION_RUN_DEADLINE, GENERATION_MAX_ATTEMPTS,
            GENERATION_QUEUED_EXPIRY, GENERATION_SWEEP_INTERVAL, GENERATION_MODEL_LIMITS, GENERATION_DRAIN_TIME,
            MEDIA_URL_LIFETIME,
            MEDIA_DECODE_MEMORY_MB, MEDIA_POSTER_DEADLINE, UPLOADS_MAX_UNUSED_FILES, UPLOADS_MAX_UNUSED_MB,
            UPLOADS_PER_MINUTE, LEGAL_AUTHENTICATION, LEGAL_HOSTING, LEGAL_DATABASE, LEGAL_RATE_LIMITING,
            LEGAL_EMAIL);

    private Keys() {}
}
