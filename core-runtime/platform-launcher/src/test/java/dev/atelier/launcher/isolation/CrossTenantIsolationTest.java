package dev.atelier.launcher.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every tenant-owned thing, created by its owner through the real site and API, is invisible and untouchable from
 * another user of the same tenant and from the other demo tenant's host; and every tenant-owned route, servlet and
 * filter the running platform serves is covered by one of these cases.
 */
class CrossTenantIsolationTest {

    private static TenantIsolationKit kit;

    @BeforeAll
    static void start() throws Exception {
        kit = TenantIsolationKit.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (kit != null) {
            kit.close();
        }
    }

    @Test
    void everyTenantOwnedRouteServletAndFilterHasAnIsolationCase() {
        assertThat(kit.uncovered(IsolationCases.ALL))
                .as("tenant-owned routes no isolation case names (add a case, or a reviewed reason to NotTenantOwned)")
                .isEmpty();
        assertThat(kit.unknown(IsolationCases.ALL)).as("named routes the platform does not serve").isEmpty();
        assertThat(kit.claimedTwice(IsolationCases.ALL)).as("routes both exempt and named by a case").isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> eachThingIsInvisibleAndUntouchableFromAnotherUserAndTheOtherTenant() {
        return IsolationCases.ALL.stream()
                .map(isolationCase -> DynamicTest.dynamicTest(isolationCase.name(),
                        () -> kit.assertIsolated(isolationCase)));
    }
}
