package dev.atelier.core.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs a plugin's settings may hold: vendors on public https addresses, nothing inside the deployment. */
class PluginUrlsTest {

    // Names a test can resolve without a network; anything else is unknown, as a vendor host seen offline.
    private static final Map<String, String> DNS = Map.of(
            "api.vendor.example", "93.184.216.34",
            "metadata.attacker.example", "169.254.169.254",
            "rebind.attacker.example", "10.0.0.7",
            "localhost", "127.0.0.1");

    private static final PluginUrls.Resolver RESOLVER = host -> {
        if (DNS.containsKey(host)) {
            return InetAddress.getAllByName(DNS.get(host));
        }
        if (host.matches("[0-9a-fA-F.:\\[\\]]+")) {
            return InetAddress.getAllByName(host); // a literal: parsed, never looked up
        }
        throw new UnknownHostException(host);
    };

    private final PluginUrls production = new PluginUrls(false, false, RESOLVER);
    private final PluginUrls local = new PluginUrls(true, false, RESOLVER);

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/v1", "https://localhost:8089", "https://10.1.2.3",
            "https://172.16.0.1", "https://172.31.255.254", "https://192.168.1.1", "https://169.254.169.254/latest",
            "https://[::1]:9000", "https://[fd00::1]", "https://[fe80::1]", "https://0.0.0.0", "https://[::]",
            "https://[::ffff:127.0.0.1]", "https://[64:ff9b::a9fe:a9fe]", "https://2130706433",
            "https://100.100.100.200", "https://metadata.attacker.example", "https://rebind.attacker.example"})
    void aBaseUrlInsideTheDeploymentIsRefused(String url) {
        assertThat(production.problem("base_url", url)).get().asString()
                .contains("a loopback, private or link-local address", "atelier.plugins.allow-private-addresses");
    }

    @Test
    void aPublicHttpsVendorAndAHostThatDoesNotResolveHereAreAccepted() {
        assertThat(production.problem("base_url", "https://api.vendor.example/v1")).isEmpty();
        assertThat(production.problem("endpoint", "https://acct.r2.cloudflarestorage.com")).isEmpty();
        assertThat(production.problem("base_url", "https://172.32.0.1")).isEmpty();
    }

    @Test
    void httpIsAcceptedOnTheLocalProfileOnly() {
        assertThat(production.problem("base_url", "http://api.vendor.example")).contains(
                "must be an https URL (http is accepted on the local profile only), was http://...");
        assertThat(local.problem("base_url", "http://api.vendor.example")).isEmpty();
        assertThat(local.problem("base_url", "http://127.0.0.1:8089")).get().asString().contains("loopback");
    }

    @Test
    void theOperatorCanAllowPrivateAddressesButNotPlainHttpOutsideLocal() {
        PluginUrls allowing = new PluginUrls(false, true, RESOLVER);

        assertThat(allowing.problem("base_url", "https://10.0.0.5:8443")).isEmpty();
        assertThat(allowing.problem("base_url", "http://10.0.0.5")).get().asString().contains("https");
    }

    @Test
    void settingsNamedLikeUrlsOrHoldingOneAreCheckedAndOtherSettingsAreNot() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("model", "black-forest-labs/flux-schnell");
        settings.put("webhook_secret", "whsec_abc");
        settings.put("mirror", "gopher://10.0.0.1");
        settings.put("callback_uri", "not a url");
        settings.put("endpoint", "");
        settings.put("base_url", "https://api.vendor.example");
        List<String> problems = new ArrayList<>();

        production.check("models[2].config", settings, (path, problem) -> problems.add(path + ": " + problem));

        assertThat(problems).containsExactly(
                "models[2].config.mirror: must be an https URL (http is accepted on the local profile only), was"
                        + " gopher://...",
                "models[2].config.callback_uri: must be an https URL such as https://api.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://0177.0.0.1", "https://127.000.0.1", "https://0x7f000001"})
    void anAddressWithOctalOrHexadecimalPartsIsRefusedWhateverItMeans(String url) {
        assertThat(production.problem("base_url", url)).get().asString().contains("octal or hexadecimal parts");
    }
}
