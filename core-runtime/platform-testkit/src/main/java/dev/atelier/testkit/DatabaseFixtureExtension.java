package dev.atelier.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands a test a fixture built on a fresh {@link TestDatabase}, and closes the fixture and then
 * drops the database when the scope that asked for it ends, so that tests need no {@code @AfterEach} of their own.
 * Subclass it once per fixture:
 *
 * <pre>{@code
 * final class AccountsExtension extends DatabaseFixtureExtension<AccountsFixture> {
 *     AccountsExtension() {
 *         super(AccountsFixture.class, AccountsFixture::new);
 *     }
 * }
 *
 * @ExtendWith(AccountsExtension.class)
 * class SignUpTest {
 *     @BeforeEach
 *     void start(AccountsFixture fixture) { ... }
 * }
 * }</pre>
 *
 * @param <F> the fixture; closing it releases what it holds on the database (a connection pool)
 */
public abstract class DatabaseFixtureExtension<F extends AutoCloseable> implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DatabaseFixtureExtension.class);

    private final Class<F> type;
    private final Opener<F> opener;

    protected DatabaseFixtureExtension(Class<F> type, Opener<F> opener) {
        this.type = type;
        this.opener = opener;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == type;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = TestPostgres.create();
        F fixture;
        try {
            fixture = opener.open(database);
        } catch (RuntimeException | Error e) {
            database.close();
            throw e;
        }
        // JUnit closes AutoCloseable values in the store when the owning context ends.
        context.getStore(NAMESPACE).put(database.name(), (AutoCloseable) () -> {
            try (database) {
                fixture.close();
            }
        });
        return fixture;
    }

    /** Builds the fixture on a database of its own. */
    @FunctionalInterface
    public interface Opener<F> {
        F open(TestDatabase database);
    }
}
