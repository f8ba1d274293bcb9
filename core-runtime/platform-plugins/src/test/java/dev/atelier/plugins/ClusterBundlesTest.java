package dev.atelier.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.db.Database;
import dev.atelier.core.db.DatabaseSettings;
import dev.atelier.core.deployments.BundleRepository;
import dev.atelier.plugins.internal.DeployFolderWatcher;
import dev.atelier.testkit.DatabaseFixtureExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes' deploy folders kept in step through one repository on a real database. */
@ExtendWith(ClusterBundlesTest.StartedDatabase.class)
class ClusterBundlesTest {

    /** A migrated database of the test's own. */
    static final class StartedDatabase extends DatabaseFixtureExtension<Database> {
        StartedDatabase() {
            super(Database.class, database -> Database.start(DatabaseSettings.external(database.url(),
                    database.user(), database.password(), 4)));
        }
    }

    @TempDir
    Path work;

    private BundleRepository repository;
    private Path folderA;
    private Path folderB;

    @BeforeEach
    void setUp(Database database) throws IOException {
        repository = new BundleRepository(database.dataSource(), Clock.systemUTC());
        folderA = Files.createDirectories(work.resolve("a/deploy"));
        folderB = Files.createDirectories(work.resolve("b/deploy"));
    }

    private ClusterBundles node(String name) {
        return new ClusterBundles(repository, work.resolve(name).resolve("deploy"),
                work.resolve(name).resolve("bundle-sync.properties"), name);
    }

    @Test
    void aNodeThatJoinsLaterInstallsWhatTheClusterRunsWhateverItsFolderShipped() throws IOException {
        TestBundle.echo("test.echo", "2.0.0").copyTo(folderA, "echo.jar");
        node("a").syncNow();
        TestBundle.echo("test.echo", "1.0.0").copyTo(folderB, "echo-shipped.jar");

        node("b").syncNow();

        assertThat(jars(folderB)).containsExactly("echo-shipped.jar");
        assertThat(sha(folderB, "echo-shipped.jar")).isEqualTo(sha(folderA, "echo.jar"));
    }

    @Test
    void aBundleDeployedOnOneNodeIsInstalledOnTheOther() throws IOException {
        ClusterBundles a = node("a");
        ClusterBundles b = node("b");
        a.syncNow();
        b.syncNow();

        TestBundle.echo("test.echo", "1.0.0").copyTo(folderA, "echo.jar");
        a.syncNow();
        b.syncNow();
        assertThat(jars(folderB)).containsExactly("test.echo.jar");

        TestBundle.echo("test.echo", "1.1.0").copyTo(folderA, "echo.jar");
        a.syncNow();
        b.syncNow();
        assertThat(sha(folderB, "test.echo.jar")).isEqualTo(sha(folderA, "echo.jar"));
        assertThat(repository.latest()).singleElement().satisfies(r -> assertThat(r.version()).isEqualTo("1.1.0"));
    }

    @Test
    void aChangeMadeOnTheSecondNodeWinsOverTheOlderOneOfTheFirst() throws IOException {
        ClusterBundles a = node("a");
        ClusterBundles b = node("b");
        TestBundle.echo("test.echo", "1.0.0").copyTo(folderA, "echo.jar");
        a.syncNow();
        b.syncNow();

        TestBundle.echo("test.echo", "3.0.0").copyTo(folderB, "test.echo.jar");
        b.syncNow();
        a.syncNow();

        assertThat(sha(folderA, "echo.jar")).isEqualTo(sha(folderB, "test.echo.jar"));
        assertThat(repository.latest()).singleElement().satisfies(r -> assertThat(r.version()).isEqualTo("3.0.0"));
    }

    @Test
    void aBundleRemovedOnOneNodeIsRemovedEverywhere() throws IOException {
        ClusterBundles a = node("a");
        ClusterBundles b = node("b");
        TestBundle.echo("test.echo", "1.0.0").copyTo(folderA, "echo.jar");
        TestBundle.echo("test.other", "1.0.0").copyTo(folderA, "other.jar");
        a.syncNow();
        b.syncNow();

        Files.delete(folderA.resolve("echo.jar"));
        a.syncNow();
        b.syncNow();

        assertThat(jars(folderB)).containsExactly("test.other.jar");
        assertThat(jars(folderA)).containsExactly("other.jar");
    }

    @Test
    void aJarHalfCopiedInByHandIsNeitherPublishedNorTakenForARemoval() throws IOException {
        ClusterBundles a = node("a");
        TestBundle.echo("test.echo", "1.0.0").copyTo(folderA, "echo.jar");
        a.syncNow();

        Files.write(folderA.resolve("echo.jar"), new byte[] {'P', 'K', 3, 4});
        a.syncNow();

        assertThat(repository.latest()).singleElement().satisfies(r -> assertThat(r.removed()).isFalse());
    }

    @Test
    void aRollbackGoesBackToThePreviousJarOnEveryNode() throws IOException {
        ClusterBundles a = node("a");
        ClusterBundles b = node("b");
        TestBundle.echo("test.echo", "1.0.0").copyTo(folderA, "echo.jar");
        a.syncNow();
        String first = sha(folderA, "echo.jar");
        TestBundle.echo("test.echo", "2.0.0").copyTo(folderA, "echo.jar");
        a.syncNow();
        b.syncNow();

        assertThat(a.rollBack("test.echo", "operator")).hasValueSatisfying(r ->
                assertThat(r.version()).isEqualTo("1.0.0"));
        b.syncNow();

        assertThat(sha(folderA, "echo.jar")).isEqualTo(first);
        assertThat(sha(folderB, "test.echo.jar")).isEqualTo(first);
        assertThat(node("c").rollBack("test.absent", "operator")).isEmpty();
    }

    @Test
    void theClusterKeepsTheLastJarsOfABundleNewestFirstAndDropsOlderOnes(Database database) throws IOException {
        repository = new BundleRepository(database.dataSource(), Clock.systemUTC(), 3);
        ClusterBundles a = node("a");
        for (String version : new String[] {"1.0.0", "2.0.0", "3.0.0", "4.0.0"}) {
            TestBundle.echo("test.echo", version).copyTo(folderA, "echo.jar");
            a.syncNow();
        }

        assertThat(a.versions("test.echo")).extracting(BundleRepository.RetainedVersion::version)
                .containsExactly("4.0.0", "3.0.0", "2.0.0");
        assertThat(a.versions("test.echo")).extracting(BundleRepository.RetainedVersion::current)
                .containsExactly(true, false, false);
        assertThat(a.rollBackTo("test.echo", "1.0.0", "operator")).isEmpty();
        assertThat(a.versions("test.absent")).isEmpty();
    }

    @Test
    void aRollbackToANamedVersionReachesEveryNodeAndKeepsTheNewerJars() throws IOException {
        ClusterBundles a = node("a");
        ClusterBundles b = node("b");
        TestBundle.echo("test.echo", "1.0.0").copyTo(folderA, "echo.jar");
        a.syncNow();
        String first = sha(folderA, "echo.jar");
        for (String version : new String[] {"2.0.0", "3.0.0"}) {
            TestBundle.echo("test.echo", version).copyTo(folderA, "echo.jar");
            a.syncNow();
        }
        b.syncNow();

        assertThat(a.rollBackTo("test.echo", "1.0.0", "operator")).hasValueSatisfying(r ->
                assertThat(r.version()).isEqualTo("1.0.0"));
        b.syncNow();

        assertThat(sha(folderA, "echo.jar")).isEqualTo(first);
        assertThat(sha(folderB, "test.echo.jar")).isEqualTo(first);
        assertThat(a.versions("test.echo")).extracting(BundleRepository.RetainedVersion::version)
                .containsExactly("1.0.0", "3.0.0", "2.0.0");
        assertThat(a.rollBackTo("test.echo", "3.0.0", "operator")).hasValueSatisfying(r ->
                assertThat(r.version()).isEqualTo("3.0.0"));
    }

    @Test
    void aCanaryJarInTheFolderIsNeverPublishedAsTheBundle() throws IOException {
        ClusterBundles a = node("a");
        TestBundle.echo("test.echo", "1.0.0").copyTo(folderA, "echo.jar");
        a.syncNow();

        TestBundle.echo("test.echo", "2.0.0").copyTo(folderA, CanaryFiles.fileName("test.echo"));
        a.syncNow();

        assertThat(repository.latest()).singleElement().satisfies(r -> assertThat(r.version()).isEqualTo("1.0.0"));
        assertThat(jars(folderA)).contains(CanaryFiles.fileName("test.echo"));
    }

    @Test
    void aNodeRestartedWithItsRecordKeepsTheClustersJarsAndPublishesNothingStale() throws IOException {
        TestBundle.echo("test.echo", "1.0.0").copyTo(folderA, "echo.jar");
        node("a").syncNow();
        node("b").syncNow();
        TestBundle.echo("test.echo", "2.0.0").copyTo(folderA, "echo.jar");
        node("a").syncNow();

        node("b").syncNow();

        assertThat(repository.latest()).singleElement().satisfies(r -> assertThat(r.version()).isEqualTo("2.0.0"));
        assertThat(sha(folderB, "test.echo.jar")).isEqualTo(sha(folderA, "echo.jar"));
    }

    private static java.util.List<String> jars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
    }

    private static String sha(Path folder, String fileName) throws IOException {
        return DeployFolderWatcher.sha256(folder.resolve(fileName));
    }
}
