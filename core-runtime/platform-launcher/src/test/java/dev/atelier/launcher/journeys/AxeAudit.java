package dev.atelier.launcher.journeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * axe-core's rules run inside a page, as the accessibility check of the browser journeys: {@link #run} answers the
 * violations whose impact is serious or critical, each with the elements it was found on and what axe says to fix.
 */
final class AxeAudit {

    /** The impacts a journey fails on; minor and moderate findings are left to people reading the report. */
    static final Set<String> FAILING = Set.of("serious", "critical");

    private static final ObjectMapper JSON = new ObjectMapper();
    // The script is the one axe-core's own Playwright integration injects; reading it is all we take from that jar.
    private static final String SCRIPT = load("/axe.min.js");
    private static final String RUN = """
            async () => {
              const results = await axe.run(document, {resultTypes: ['violations']});
              return JSON.stringify(results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary || ''}))
              })));
            }""";

    private AxeAudit() {
    }

    /** The serious and critical violations on the page as it is now. */
    static List<Violation> run(Page page) {
        // The script is evaluated by the browser's debugging protocol, which the page's CSP does not govern.
        page.evaluate("() => { if (!window.axe) { " + SCRIPT + "\n } }");
        String json = (String) page.evaluate(RUN);
        List<Violation> violations = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(json)) {
                if (FAILING.contains(v.path("impact").asText())) {
                    List<String> nodes = new ArrayList<>();
                    v.path("nodes").forEach(n -> nodes.add(n.path("target").asText() + "\n        "
                            + n.path("summary").asText().replace("\n", "\n        ")));
                    violations.add(new Violation(v.path("id").asText(), v.path("impact").asText(),
                            v.path("help").asText(), v.path("helpUrl").asText(), nodes));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    private static String load(String resource) {
        try (InputStream in = AxeAudit.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("axe-core's script " + resource + " is not on the test class path "
                        + "(com.deque.html.axe-core:playwright)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One rule broken on a page: its id, impact, what it asks, and each element with axe's advice. */
    record Violation(String rule, String impact, String help, String helpUrl, List<String> nodes) {

        String describe() {
            StringBuilder text = new StringBuilder("  [" + impact + "] " + rule + ": " + help + " (" + helpUrl + ")");
            nodes.forEach(n -> text.append("\n      ").append(n));
            return text.toString();
        }
    }
}
