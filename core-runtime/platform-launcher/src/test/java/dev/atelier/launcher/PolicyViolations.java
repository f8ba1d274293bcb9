package dev.atelier.launcher;

import com.microsoft.playwright.BrowserContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the Content-Security-Policy refused in one browser context, on every page it opens: each
 * {@code securitypolicyviolation} event and each "Refused to …" console message, with the page's address.
 */
public final class PolicyViolations {

    private final List<String> seen = new CopyOnWriteArrayList<>();

    private PolicyViolations() {}

    /** Starts watching {@code context}; call before it opens a page. */
    public static PolicyViolations watch(BrowserContext context) {
        PolicyViolations violations = new PolicyViolations();
        // A binding and an init script are installed by the browser itself, outside the policy they watch.
        context.exposeBinding("atelierPolicyViolation", (source, args) -> {
            violations.seen.add(source.page().url() + ": " + args[0]);
            return null;
        });
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => window.atelierPolicyViolation("
                + "e.violatedDirective + ' refused ' + (e.blockedURI || 'inline') + (e.sample ? ' (' + e.sample + ')' : '')"
                + "), true);");
        context.onPage(page -> page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy") || message.text().startsWith("Refused to")) {
                violations.seen.add(page.url() + ": " + message.text());
            }
        }));
        return violations;
    }

    public List<String> seen() {
        return List.copyOf(seen);
    }
}
