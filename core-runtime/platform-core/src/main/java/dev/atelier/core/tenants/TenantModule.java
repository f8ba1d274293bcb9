package dev.atelier.core.tenants;

import dev.atelier.core.db.Database;
import dev.atelier.core.secrets.SecretBox;
import dev.atelier.core.tenants.internal.FolderApplier;
import dev.atelier.core.tenants.internal.FolderExporter;
import dev.atelier.core.tenants.internal.ScopedAssets;
import dev.atelier.core.tenants.internal.ScopedTemplates;
import dev.atelier.core.tenants.internal.SecretResealer;
import dev.atelier.core.tenants.internal.SnapshotDirectory;
import dev.atelier.core.tenants.internal.StoredTenantAdmin;
import java.util.Map;

/**
 * The tenant services, wired once per process. Start-up does:
 *
 * <pre>{@code
 * SecretBox secrets = SecretBox.fromConfig(config);          // throws SecretKeyException with what to set
 * TenantModule tenants = new TenantModule(database, secrets, config.get(Keys.BASE_DOMAIN),
 *         PluginUrls.fromConfig(config), pluginSchemas);              // the deployed plugins' settings schemas
 * tenants.folders().applyChanged(TenantFolders.discover(config.path(Keys.TENANT_CONFIGS_DIR)),
 *         config.profile());
 * // then hand tenants.directory(), assets(), templates(), admin() to the web layer
 * }</pre>
 *
 * <p>The constructor loads the directory snapshot; every change made through {@link #folders()} or {@link #admin()}
 * reloads it before returning. A tenant's {@link Tenant#updatedAt()} changes with any change to it, its assets or its
 * templates, so caches (compiled templates) can be keyed by tenant id and updatedAt.
 */
public final class TenantModule {

    private final Database database;
    private final SecretBox secrets;
    private final String baseDomain;
    private final PluginUrls pluginUrls;
    private final PluginSchemas pluginSchemas;
    private final MessageKeys messageKeys;
    private final TenantScope scope;
    private final SnapshotDirectory directory;
    private final ScopedAssets assets;
    private final ScopedTemplates templates;
    private final StoredTenantAdmin admin;
    private final FolderExporter exporter;

    /**
     * @param database the platform database (schema migrated)
     * @param secrets encrypts tenant secrets at rest
     * @param baseDomain every tenant is also served on {@code <slug>.<baseDomain>} ({@code atelier.base-domain})
     */
    public TenantModule(Database database, SecretBox secrets, String baseDomain) {
        this(database, secrets, baseDomain, PluginUrls.strict());
    }

    /**
     * @param database the platform database (schema migrated)
     * @param secrets encrypts tenant secrets at rest
     * @param baseDomain every tenant is also served on {@code <slug>.<baseDomain>} ({@code atelier.base-domain})
     * @param pluginUrls what URLs in plugin settings may point at ({@link PluginUrls#fromConfig})
     */
    public TenantModule(Database database, SecretBox secrets, String baseDomain, PluginUrls pluginUrls) {
        this(database, secrets, baseDomain, pluginUrls, PluginSchemas.NONE);
    }

    /**
     * @param database the platform database (schema migrated)
     * @param secrets encrypts tenant secrets at rest
     * @param baseDomain every tenant is also served on {@code <slug>.<baseDomain>} ({@code atelier.base-domain})
     * @param pluginUrls what URLs in plugin settings may point at ({@link PluginUrls#fromConfig})
     * @param pluginSchemas the settings schemas of the plugins deployed right now; tenant folders are checked against
     *     them when applied
     */
    public TenantModule(Database database, SecretBox secrets, String baseDomain, PluginUrls pluginUrls,
            PluginSchemas pluginSchemas) {
        this(database, secrets, baseDomain, pluginUrls, pluginSchemas, MessageKeys.ANY);
    }

    /**
     * @param database the platform database (schema migrated)
     * @param secrets encrypts tenant secrets at rest
     * @param baseDomain every tenant is also served on {@code <slug>.<baseDomain>} ({@code atelier.base-domain})
     * @param pluginUrls what URLs in plugin settings may point at ({@link PluginUrls#fromConfig})
     * @param pluginSchemas the settings schemas of the plugins deployed right now; tenant folders are checked against
     *     them when applied
     * @param messageKeys the message keys the themes define; a folder's {@code messages} may override only these
     */
    public TenantModule(Database database, SecretBox secrets, String baseDomain, PluginUrls pluginUrls,
            PluginSchemas pluginSchemas, MessageKeys messageKeys) {
        this.messageKeys = messageKeys;
        this.database = database;
        this.secrets = secrets;
        this.baseDomain = baseDomain;
        this.pluginUrls = pluginUrls;
        this.pluginSchemas = pluginSchemas;
        this.scope = new TenantScope(database.entityManagerFactory());
        this.directory = new SnapshotDirectory(database.entityManagerFactory(), secrets);
        this.assets = new ScopedAssets(scope);
        this.templates = new ScopedTemplates(scope);
        this.admin = new StoredTenantAdmin(database.entityManagerFactory(), scope, directory, pluginUrls, secrets,
                pluginSchemas);
        this.exporter = new FolderExporter(database.entityManagerFactory(), assets, templates);
        directory.reload();
    }

    /** Tenants by host, by slug, all; served from memory. */
    public TenantDirectory directory() {
        return directory;
    }

    public TenantAssets assets() {
        return assets;
    }

    public TenantTemplates templates() {
        return templates;
    }

    public TenantAdmin admin() {
        return admin;
    }

    /** EntityManagers scoped to one tenant, for services of tenant-owned entities. */
    public TenantScope scope() {
        return scope;
    }

    /** Apply and export, resolving {@code ${NAME}} secrets from the process environment. */
    public TenantFolders folders() {
        return folders(System.getenv());
    }

    /** Apply and export, resolving {@code ${NAME}} secrets from {@code environment}. */
    public TenantFolders folders(Map<String, String> environment) {
        return new FolderApplier(database.dataSource(), secrets, baseDomain, environment, directory, exporter,
                pluginUrls, pluginSchemas, messageKeys);
    }

    /**
     * Seals every stored tenant secret again with the current secrets key ({@code atelier secrets rotate}), in one
     * transaction, then re-reads the tenants. Idempotent.
     *
     * @throws dev.atelier.core.secrets.SecretKeyException if a secret opens with none of the configured keys
     */
    public ResealReport resealSecrets() {
        ResealReport report = new SecretResealer(database.dataSource(), secrets).resealAll();
        directory.changed(null);
        return report;
    }

    /** Re-reads every tenant, e.g. after another node changed one. */
    public void reload() {
        directory.reload();
    }

    /**
     * Calls {@code listener} after each tenant change made through this module on this node (admin edits, folders
     * applied, secrets resealed), once it is committed and the directory reloaded; not after {@link #reload()}. The
     * argument is the tenant's id, or {@code null} when several tenants may have changed.
     */
    public void onChange(java.util.function.Consumer<String> listener) {
        directory.onChange(listener);
    }
}
