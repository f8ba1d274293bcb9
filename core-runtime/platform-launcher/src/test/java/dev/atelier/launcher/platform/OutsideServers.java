package dev.atelier.launcher.platform;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/** The outside services a test platform talks to, each on loopback and each only when the builder asked for it. */
final class OutsideServers {

    /** The issuer id of the local OpenID provider that stands in for Google. */
    static final String GOOGLE_ISSUER_ID = "google";

    final Mailbox mail;
    final MockOAuth2Server google;
    final WireMockServer wireMock;

    private OutsideServers(Mailbox mail, MockOAuth2Server google, WireMockServer wireMock) {
        this.mail = mail;
        this.google = google;
        this.wireMock = wireMock;
    }

    static OutsideServers start(TestPlatformBuilder spec) throws IOException {
        Mailbox mail = spec.mail ? new Mailbox(freePort()) : null;
        if (mail != null && spec.mailServerUp) {
            mail.start();
        }
        MockOAuth2Server google = null;
        if (spec.google) {
            google = new MockOAuth2Server();
            google.start();
        }
        WireMockServer wireMock = null;
        if (spec.wireMock) {
            wireMock = new WireMockServer(wireMockConfig().dynamicPort());
            wireMock.start();
        }
        return new OutsideServers(mail, google, wireMock);
    }

    /** The platform settings that point it at these servers. */
    Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        if (mail != null) {
            settings.putAll(mail.settings());
        }
        if (google != null) {
            settings.put("atelier.accounts.google.issuer", google.issuerUrl(GOOGLE_ISSUER_ID).uri().toString());
        }
        return settings;
    }

    /** {@code yaml} with {@link TestPlatformBuilder#WIREMOCK_URL} replaced by the WireMock server's address. */
    String resolve(String yaml) {
        return wireMock == null ? yaml : yaml.replace(TestPlatformBuilder.WIREMOCK_URL, wireMock.baseUrl());
    }

    void stop() {
        if (mail != null) {
            mail.stop();
        }
        if (google != null) {
            google.shutdown();
        }
        if (wireMock != null) {
            wireMock.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
