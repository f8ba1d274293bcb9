package dev.atelier.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.core.tenants.internal.TenantAssetEntity;
import dev.atelier.core.tenants.internal.TenantTemplateEntity;
import dev.atelier.testkit.TestDatabase;
import dev.atelier.testkit.TestPostgresExtension;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Rows of tenant A are invisible through tenant B's EntityManager, by id and in queries. */
@ExtendWith(TestPostgresExtension.class)
class TenantIsolationTest {

    @TempDir
    Path workDir;

    private TenantFixture fixture;
    private Tenant alpha;
    private Tenant beta;

    @BeforeEach
    void start(TestDatabase database) throws Exception {
        fixture = new TenantFixture(database, workDir);
        Path betaFolder = fixture.folder("valid", "beta");
        Files.createDirectories(betaFolder.resolve("assets"));
        Files.writeString(betaFolder.resolve("assets/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        fixture.apply("local", fixture.folder("valid", "alpha"), betaFolder);
        alpha = fixture.tenant("alpha");
        beta = fixture.tenant("beta");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void anotherTenantsRowsAreInvisibleByIdAndInQueries() {
        TenantScope scope = fixture.module.scope();

        scope.read(beta.id(), em -> {
            assertThat(em.find(TenantTemplateEntity.class, "index.ftlh")).isNull();
            assertThat(em.createQuery("SELECT t FROM TenantTemplateEntity t", TenantTemplateEntity.class)
                    .getResultList()).isEmpty();
            assertThat(em.find(TenantAssetEntity.class, "assets/logo.svg").id())
                    .isNotEqualTo(alpha.branding().logoAssetId());
            assertThat(em.createQuery("SELECT a.path FROM TenantAssetEntity a", String.class).getResultList())
                    .containsExactly("assets/logo.svg");
            assertThat(em.createQuery("SELECT count(a) FROM TenantAssetEntity a WHERE a.id = :id", Long.class)
                    .setParameter("id", alpha.branding().logoAssetId()).getSingleResult()).isZero();
            return null;
        });
        scope.read(alpha.id(), em -> {
            assertThat(em.createQuery("SELECT a.path FROM TenantAssetEntity a ORDER BY a.path", String.class)
                    .getResultList()).containsExactly("assets/favicon.svg", "assets/logo.svg");
            return null;
        });
    }

    @Test
    void servicesNeverReturnAnotherTenantsAssetsOrTemplates() {
        assertThat(fixture.module.assets().find(beta.id(), alpha.branding().logoAssetId())).isEmpty();
        assertThat(fixture.module.assets().find(alpha.id(), alpha.branding().logoAssetId())).isPresent();
        assertThat(fixture.module.templates().find(beta.id(), "index.ftlh")).isEmpty();
        assertThat(fixture.module.templates().find(alpha.id(), "index.ftlh")).isPresent();
        assertThat(fixture.module.templates().hasAny(alpha.id())).isTrue();
        assertThat(fixture.module.templates().hasAny(beta.id())).isFalse();
        assertThat(fixture.module.assets().all(beta.id())).extracting(TenantAsset::path)
                .containsExactly("assets/logo.svg");
    }

    @Test
    void writesThroughATenantsEntityManagerLandInThatTenantOnly() {
        fixture.module.scope().run(beta.id(), em -> em.persist(new TenantTemplateEntity("pricing.ftlh", "<p>b</p>")));

        assertThat(fixture.module.templates().find(beta.id(), "pricing.ftlh")).isPresent();
        assertThat(fixture.module.templates().find(alpha.id(), "pricing.ftlh")).isEmpty();
        assertThat(fixture.query("SELECT tenant_id FROM tenant_template WHERE name = 'pricing.ftlh'").strip())
                .isEqualTo(beta.id());
    }

    @Test
    void anEntityManagerWithoutATenantCannotReadTenantOwnedRows() {
        EntityManager unscoped = fixture.database.entityManagerFactory().createEntityManager();
        try {
            assertThatThrownBy(() -> unscoped.createQuery("SELECT t FROM TenantTemplateEntity t",
                    TenantTemplateEntity.class).getResultList()).isInstanceOf(RuntimeException.class);
        } finally {
            unscoped.close();
        }
    }
}
