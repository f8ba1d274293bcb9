package dev.atelier.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands a fresh {@link TestDatabase} to any test, lifecycle method or constructor parameter of
 * that type, and drops it when the scope that asked for it ends: a test method's parameter lives for that test, a
 * {@code @BeforeAll} or constructor parameter for the test class.
 *
 * <pre>{@code
 * @ExtendWith(TestPostgresExtension.class)
 * class HistoryTest {
 *     @Test
 *     void keepsRecords(TestDatabase database) { ... }
 * }
 * }</pre>
 */
public final class TestPostgresExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestPostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase database = TestPostgres.create();
        // JUnit closes AutoCloseable values in the store when the owning context ends, which drops the database.
        context.getStore(NAMESPACE).put(database.name(), database);
        return database;
    }
}
