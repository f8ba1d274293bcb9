package dev.atelier.launcher.journeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.atelier.launcher.platform.Mail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A white-label promise for one demo tenant: its pages and emails show its own name (and its pages its logo), and
 * none of another tenant's names (name, hosts, support address) or brand colours. Both are read from the
 * repository's {@code tenant-configs/<slug>/tenant.yaml}, so the rules follow the tenants' folders.
 */
final class BrandRules {

    private static final Path TENANT_CONFIGS = Path.of("../../tenant-configs");
    // White and black are everybody's colours: finding them says nothing about whose brand a page wears.
    private static final Set<String> COMMON_COLOURS = Set.of("#ffffff", "#000000");
    private static final String STYLE_SHEETS = """
            () => Array.from(document.styleSheets).map(sheet => {
              try { return Array.from(sheet.cssRules).map(rule => rule.cssText).join('\\n'); }
              catch (e) { return ''; }
            }).join('\\n')""";

    private final String name;
    private final Set<String> foreignWords;
    private final Set<String> foreignColours;

    private BrandRules(String name, Set<String> foreignWords, Set<String> foreignColours) {
        this.name = name;
        this.foreignWords = foreignWords;
        this.foreignColours = foreignColours;
    }

    /** {@code slug}'s pages show its brand and nothing of {@code foreignSlug}'s. */
    static BrandRules of(String slug, String foreignSlug) {
        JsonNode own = tenantYaml(slug);
        JsonNode foreign = tenantYaml(foreignSlug);
        Set<String> words = new LinkedHashSet<>();
        words.add(foreign.path("name").asText());
        words.add(foreign.path("support_email").asText());
        foreign.path("hosts").forEach(h -> words.add(h.asText()));
        words.add(foreignSlug + ".localhost");
        Set<String> colours = new LinkedHashSet<>();
        foreign.path("branding").path("colors").forEach(c -> colours.add(c.asText().toLowerCase(Locale.ROOT)));
        colours.removeAll(COMMON_COLOURS);
        return new BrandRules(own.path("name").asText(), words, colours);
    }

    String name() {
        return name;
    }

    /** What is wrong with the brand of the page as it is now: a foreign word or colour, a missing name or logo. */
    List<String> problemsOf(Page page) {
        List<String> problems = new ArrayList<>();
        String html = page.content();
        String css = (String) page.evaluate(STYLE_SHEETS);
        foreignIn(html, "the page").forEach(problems::add);
        foreignColoursIn(css, "its style sheets").forEach(problems::add);
        if (!page.title().contains(name)) {
            problems.add("the title \"" + page.title() + "\" does not name " + name);
        }
        if (page.getByRole(AriaRole.BANNER).getByRole(AriaRole.IMG,
                new Locator.GetByRoleOptions().setName(name).setExact(true)).count() == 0) {
            problems.add("the header shows no logo named " + name);
        }
        return problems;
    }

    /** What is wrong with the brand of an email: a foreign word or colour anywhere in it, or no word of its own name. */
    List<String> problemsOf(Mail mail) {
        String where = "the email \"" + mail.subject() + "\"";
        String whole = String.join("\n", mail.subject(), String.valueOf(mail.fromName()), mail.fromAddress(),
                String.valueOf(mail.text()), String.valueOf(mail.html()));
        List<String> problems = new ArrayList<>(foreignIn(whole, where));
        if (!whole.contains(name)) {
            problems.add(where + " does not name " + name);
        }
        return problems;
    }

    /** The other tenant's words and colours found in {@code text}, which is {@code where}. */
    List<String> foreignIn(String text, String where) {
        List<String> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : foreignWords) {
            if (lower.contains(word.toLowerCase(Locale.ROOT))) {
                found.add(where + " mentions \"" + word + "\"");
            }
        }
        found.addAll(foreignColoursIn(text, where));
        return found;
    }

    private List<String> foreignColoursIn(String text, String where) {
        List<String> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String colour : foreignColours) {
            // Browsers give colours back from style sheets as rgb(r, g, b).
            if (lower.contains(colour) || lower.contains(rgb(colour))) {
                found.add(where + " uses the colour " + colour);
            }
        }
        return found;
    }

    private static String rgb(String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        return "rgb(" + (value >> 16) + ", " + ((value >> 8) & 0xff) + ", " + (value & 0xff) + ")";
    }

    private static JsonNode tenantYaml(String slug) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(TENANT_CONFIGS.resolve(slug).resolve("tenant.yaml")
                    .toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
