package dev.atelier.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.plugins.testkind.Greeter;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A kind the platform does not know, declared in two lines below and handed to the host: its services are tracked,
 * listed in the bundle status, bound per tenant and called through the host's call wrapper, with no other change.
 */
class PluginKindTest extends RunningHost {

    static final PluginKind<Greeter, Void> GREETERS =
            PluginKind.identifiedBy("greeter", "Greeter", Greeter.class, Greeter.ID);

    private static final PluginBindings TENANT_A = new PluginBindings("tnt_a", "alpha",
            Map.of("greeter", new PluginBinding("hello", Map.of("greeting", "Hi"))));
    private static final PluginBindings TENANT_B = new PluginBindings("tnt_b", "beta", Map.of());

    @Override
    List<PluginKind<?, ?>> kinds() {
        List<PluginKind<?, ?>> kinds = new ArrayList<>(PluginKinds.ALL);
        kinds.add(GREETERS);
        return kinds;
    }

    @Test
    void aDeclaredKindIsTrackedListedBoundPerTenantAndCalledThroughTheWrapper() throws Exception {
        BundleStatus status = host.deploy(new ByteArrayInputStream(TestBundle.greeter("acme.hello", "hello")
                .toBytes()), WAIT);

        assertThat(host.kinds()).contains(GREETERS);
        assertThat(host.plugins(GREETERS).ids()).containsExactly("hello");
        assertThat(status.services()).containsExactly("Greeter hello");

        BoundPlugin<Greeter> bound = host.plugins(GREETERS).bind(TENANT_A).orElseThrow();
        assertThat(bound.plugin()).isEqualTo("hello");
        assertThat(bound.available()).isTrue();
        assertThat(host.plugins(GREETERS).bind(TENANT_B)).as("a tenant that binds no greeter").isEmpty();

        try (Correlation.Scope request = Correlation.begin("req_42")) {
            String onCallersThread = bound.call((greeter, tenant) -> greeter.greet("Ada", tenant));
            String onWorker = bound.call(Instant.now().plusSeconds(5), (greeter, tenant) -> greeter.greet("Bo", tenant));

            assertThat(onCallersThread).isEqualTo("Hi Ada (tenant tnt_a, correlation req_42, tccl bundle)");
            assertThat(onWorker).as("on a host worker thread, bounded by the deadline")
                    .isEqualTo("Hi Bo (tenant tnt_a, correlation req_42, tccl bundle)");
        }
        assertThat(status("acme.hello.jar").orElseThrow().metrics().calls()).isEqualTo(2);
    }

    @Test
    void aServiceOfTheKindWithoutItsIdIsIgnoredAndSaysWhy() throws Exception {
        BundleStatus status = host.deploy(new ByteArrayInputStream(TestBundle.greeter("acme.nameless", "hello")
                .without("Greeter-Id").toBytes()), WAIT);

        assertThat(status.services()).containsExactly("Greeter (ignored)");
        assertThat(status.lastError()).isEqualTo("it has no service property test.greeter.id");
        assertThat(host.plugins(GREETERS).ids()).isEmpty();
    }

    @Test
    void aRemovedPluginOfTheKindIsNotDeployedForItsTenantAnyMore() throws Exception {
        host.deploy(new ByteArrayInputStream(TestBundle.greeter("acme.hello", "hello").toBytes()), WAIT);
        BoundPlugin<Greeter> bound = host.plugins(GREETERS).bind(TENANT_A).orElseThrow();

        host.undeploy("acme.hello", WAIT);

        assertThat(bound.available()).isFalse();
        assertThatThrownBy(() -> bound.call((greeter, tenant) -> greeter.greet("Ada", tenant)))
                .isInstanceOfSatisfying(PluginCallException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PluginCallException.Reason.NOT_DEPLOYED);
                    assertThat(e.getMessage()).isEqualTo("Greeter 'hello' is not deployed right now");
                });
    }
}
