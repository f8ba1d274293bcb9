package dev.atelier.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.spi.botprotection.BotProtection;
import dev.atelier.spi.botprotection.ChallengeAnswer;
import dev.atelier.spi.botprotection.ChallengeWidget;
import dev.atelier.spi.botprotection.RefusalReason;
import dev.atelier.spi.botprotection.Verdict;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.plugin.SettingType;
import dev.atelier.spi.tenant.TenantContext;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BotProtection} owes the host. A bot-protection bundle is done when its test extending this
 * class passes; the host's sign-up, sign-in and checkout rely on each property checked here.
 *
 * <p>Extend it in your bundle's unit tests with a stand-in for the vendor (a WireMock replay of its verification API)
 * that answers each kind of token as the vendor would:
 *
 * <pre>{@code
 * class AcmeChallengeTest extends BotProtectionContract {
 *     protected BotProtection createProtection() {
 *         return new AcmeChallenge();                    // as the bundle's component would create it
 *     }
 *
 *     protected TenantContext tenant() {                 // the settings, pointing at the stand-in
 *         return TestTenantContext.withConfig(Map.of("site_key", "site-1", "secret_key", "secret-1",
 *                 "verify_url", wireMock.baseUrl() + "/verify"));
 *     }
 *
 *     protected String token(TokenCase tokenCase) {
 *         String token = "token-" + tokenCase;
 *         wireMock.stubFor(post("/verify").withRequestBody(containing(token)).willReturn(okJson(acmeAnswerFor(...))));
 *         return token;
 *     }
 *
 *     protected TenantContext tenantWithVendorDown() {   // a stand-in that never answers in time, or no server at all
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>What is checked:
 *
 * <ul>
 *   <li><b>settings</b>: {@code description()} declares a schema under which {@link #tenant()}'s settings are valid,
 *       with at least one {@link SettingType#SECRET secret} setting, and describes itself the same on every call;
 *   <li><b>widget</b>: an absolute script URL, the tenant's site key, a field name and element class, and origins
 *       among which the script's own;
 *   <li><b>verdicts</b>: a genuine token passes; no token and a blank one are {@link RefusalReason#MISSING}; a forged
 *       token is {@link RefusalReason#INVALID}; a spent one {@link RefusalReason#EXPIRED_OR_REUSED}; a token from
 *       another host {@link RefusalReason#HOSTNAME_MISMATCH}, for another action {@link RefusalReason#ACTION_MISMATCH};
 *       a vendor that cannot answer is {@link Verdict.Unavailable}, and {@code verify} never throws.
 * </ul>
 *
 * <p>Every answer is verified for {@link #ACTION} on {@link #HOSTNAME} from {@link #CLIENT_IP}. A new plugin is
 * created before each test with {@link #createProtection()}; it is available as {@link #protection}. If it is
 * {@link AutoCloseable} it is closed after each test.
 */
public abstract class BotProtectionContract {

    /** The action every answer is verified for. */
    protected static final String ACTION = "signup";
    /** The host name every answer is verified for. */
    protected static final String HOSTNAME = "test.example";
    /** The visitor's address every answer comes from. */
    protected static final String CLIENT_IP = "203.0.113.7";

    /** The kinds of token the vendor's stand-in must answer. */
    public enum TokenCase {
        /** A fresh pass, issued for {@link #ACTION} on {@link #HOSTNAME}. */
        GENUINE,
        /** A token the vendor never issued. */
        FORGED,
        /** A genuine token that was verified once already (or has expired). */
        REUSED,
        /** A genuine pass issued on another host name. */
        OTHER_HOSTNAME,
        /** A genuine pass issued for another action. */
        OTHER_ACTION
    }

    /** The plugin under test, created before each test. */
    protected BotProtection protection;

    /** Creates the plugin under test, as its bundle's component would create it. Called before each test. */
    protected abstract BotProtection createProtection() throws Exception;

    /** The tenant every call is made for, with settings that point the plugin at its vendor's stand-in. */
    protected abstract TenantContext tenant();

    /** A token of {@code tokenCase}, with the vendor's stand-in ready to answer it as the vendor would. */
    protected abstract String token(TokenCase tokenCase) throws Exception;

    /** The same settings as {@link #tenant()}, with the vendor unreachable or never answering in time. */
    protected abstract TenantContext tenantWithVendorDown() throws Exception;

    @BeforeEach
    final void createProtectionUnderTest() throws Exception {
        protection = createProtection();
        assertThat(protection).as("createProtection()").isNotNull();
    }

    @AfterEach
    final void closeProtection() throws Exception {
        if (protection instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Test
    void declaresSettingsUnderWhichTheTestTenantIsValidWithItsSecretMarkedSecret() {
        PluginDescription description = protection.description();

        assertThat(description).as("description()").isNotNull();
        assertThat(description.settings().check(tenant().pluginConfig())).as("problems of tenant()'s settings")
                .isEmpty();
        assertThat(description.settings().settings()).as("settings").anyMatch(Setting::isSecret);
        assertThat(protection.description().disclosures()).as("disclosures on a second call")
                .isEqualTo(description.disclosures());
    }

    @Test
    void describesAWidgetWhoseScriptComesFromAnAllowedOrigin() throws Exception {
        ChallengeWidget widget = protection.widget(tenant());

        assertThat(widget.scriptUrl().getScheme()).as("script URL scheme").isIn("https", "http");
        assertThat(widget.siteKey()).as("site key").isNotBlank();
        assertThat(widget.origins()).as("origins the page must allow").contains(originOf(widget.scriptUrl()));
    }

    @Test
    void aGenuineTokenPasses() throws Exception {
        Verdict verdict = verify(token(TokenCase.GENUINE), tenant());

        assertThat(verdict).as("verdict of a genuine token").isInstanceOf(Verdict.Passed.class);
    }

    @Test
    void noTokenOrABlankOneIsMissing() {
        assertRefused(verify(null, tenant()), RefusalReason.MISSING, "no token");
        assertRefused(verify("  ", tenant()), RefusalReason.MISSING, "a blank token");
    }

    @Test
    void aForgedTokenIsInvalid() throws Exception {
        assertRefused(verify(token(TokenCase.FORGED), tenant()), RefusalReason.INVALID, "a forged token");
    }

    @Test
    void aSpentTokenIsExpiredOrReused() throws Exception {
        assertRefused(verify(token(TokenCase.REUSED), tenant()), RefusalReason.EXPIRED_OR_REUSED, "a reused token");
    }

    @Test
    void aTokenFromAnotherHostIsRefused() throws Exception {
        assertRefused(verify(token(TokenCase.OTHER_HOSTNAME), tenant()), RefusalReason.HOSTNAME_MISMATCH,
                "a token from another host");
    }

    @Test
    void aTokenForAnotherActionIsRefused() throws Exception {
        assertRefused(verify(token(TokenCase.OTHER_ACTION), tenant()), RefusalReason.ACTION_MISMATCH,
                "a token for another action");
    }

    @Test
    void aVendorThatCannotAnswerIsUnavailable() throws Exception {
        Verdict verdict = verify(token(TokenCase.GENUINE), tenantWithVendorDown());

        assertThat(verdict).as("verdict with the vendor down").isInstanceOf(Verdict.Unavailable.class);
    }

    private Verdict verify(String token, TenantContext tenant) {
        Verdict verdict = protection.verify(new ChallengeAnswer(token, CLIENT_IP, ACTION, HOSTNAME), tenant);
        assertThat(verdict).as("verify() result").isNotNull();
        return verdict;
    }

    private static void assertRefused(Verdict verdict, RefusalReason reason, String what) {
        assertThat(verdict).as("verdict of " + what).isInstanceOfSatisfying(Verdict.Refused.class,
                refused -> assertThat(refused.reason()).as("reason for " + what).isEqualTo(reason));
    }

    private static URI originOf(URI url) {
        return URI.create(url.getScheme() + "://" + url.getRawAuthority());
    }
}
