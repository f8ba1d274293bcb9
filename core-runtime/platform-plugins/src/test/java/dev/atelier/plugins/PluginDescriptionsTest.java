package dev.atelier.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.SettingProblem;
import dev.atelier.spi.storage.StorageBackend;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginDescriptionsTest extends RunningHost {

    @Test
    void findsTheDescriptionOfTheServiceServingAPluginIdOfAnySpi() throws Exception {
        host.deploy(jar(TestBundle.storage("acme.memory", "1.0.0", "memory")), WAIT);

        PluginDescription memory = host.descriptions().find(StorageBackend.class, "memory").orElseThrow();

        assertThat(memory.disclosures()).singleElement().satisfies(d -> assertThat(d.processor())
                .isEqualTo("Memory Ltd"));
        assertThat(memory.settings().check(Map.of("region", "mars")))
                .containsExactly(new SettingProblem("region", "must be one of eu, us, was \"mars\""));
    }

    @Test
    void aPluginThatDeclaresNothingIsDescribedAsNoneAndAMissingOneNotAtAll() throws Exception {
        host.deploy(jar(TestBundle.echo("acme.echo", "1.0.0")), WAIT);
        awaitModelVersion("echo", "1.0.0");

        assertThat(host.descriptions().find(GenerationModel.class, "echo")).contains(PluginDescription.NONE);
        assertThat(host.descriptions().find(GenerationModel.class, "nothing")).isEmpty();
        assertThat(host.descriptions().find(StorageBackend.class, "echo")).isEmpty();
    }

    private static InputStream jar(TestBundle bundle) {
        return new ByteArrayInputStream(bundle.toBytes());
    }
}
