package dev.atelier.launcher.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.launcher.platform.TestPlatform;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shipped themes' static files under {@code /static/<theme>/<hash>/}: content-hashed, cached for a year, taken
 * from the tenant's theme where it has the file and from {@code default} otherwise, and nothing outside a theme's
 * {@code static/} folder. A tenant's brand files are checked in {@link TenantResolutionTest}.
 */
class ThemeStaticFilesTest {

    private static final Path THEMES = TestPlatform.repositoryThemes();
    private static final String PROCEDURAL = "{id: procedural, credits: 1}";

    @RegisterExtension
    static final TestPlatform platform = TestPlatform.builder().defaultBundles()
            .studio("alpha", PROCEDURAL, "")
            .studio("beta", PROCEDURAL, "branding: {theme: marginalia}")
            .build();

    @Test
    void staticFilesHaveContentHashedUrlsAndAreCachedForAYear() throws Exception {
        String css = linked("css/site.css", home("alpha"));

        HttpResponse<String> response = platform.get("alpha.localhost", css);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readString(THEMES.resolve("default/static/css/site.css")));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/css"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(platform.get("alpha.localhost", linked("js/create.js", createPage("alpha"))).headers()
                .firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
    }

    @Test
    void aThemeReplacesAStaticFileAndFallsBackToDefaultForTheRest() throws Exception {
        String page = home("beta");
        String own = linked("css/theme.css", page);

        assertThat(own).startsWith("/static/marginalia/").isNotEqualTo(linked("css/theme.css", home("alpha")));
        assertThat(platform.get("beta.localhost", own).body())
                .isEqualTo(Files.readString(THEMES.resolve("marginalia/static/css/theme.css")));
        assertThat(platform.get("beta.localhost", linked("css/site.css", page)).body())
                .isEqualTo(Files.readString(THEMES.resolve("default/static/css/site.css")));
        HttpResponse<String> js = platform.get("beta.localhost", linked("js/create.js", createPage("beta")));
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).isEqualTo(Files.readString(THEMES.resolve("default/static/js/create.js")));
    }

    @Test
    void aWrongHashIsNotFound() throws Exception {
        assertThat(platform.get("alpha.localhost", "/static/default/0123456789abcdef/css/site.css").statusCode())
                .isEqualTo(404);
        assertThat(platform.get("alpha.localhost", "/static/default/0123456789abcdef/css/none.css").statusCode())
                .isEqualTo(404);
    }

    @Test
    void pathsOutsideTheStaticFolderAreRefused() throws Exception {
        String css = linked("css/site.css", home("alpha"));
        String prefix = css.substring(0, css.length() - "css/site.css".length());
        for (String path : new String[] {"../layout.ftlh", "..%2Flayout.ftlh", "%2e%2e/layout.ftlh",
            "css/..%2F..%2Flayout.ftlh", "..%5Clayout.ftlh", ".%2E/.%2E/README.md"}) {
            HttpResponse<String> response = platform.get("alpha.localhost", prefix + path);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("#macro", "# Themes");
        }
        assertThat(platform.get("alpha.localhost", "/static/..%2F..%2Fdefault/x/layout.ftlh").statusCode())
                .isIn(400, 404);
    }

    private static String home(String slug) throws Exception {
        return platform.get(TestPlatform.hostOf(slug), "/").body();
    }

    // The create page links its script only for a signed-in user with models to choose from.
    private static String createPage(String slug) throws Exception {
        return platform.get(TestPlatform.hostOf(slug), "/create", platform.accounts().signedInUser(slug)).body();
    }

    /** The content-hashed address under which the page links the theme file {@code file}. */
    private static String linked(String file, String html) {
        Matcher m = Pattern.compile("\"(/static/[a-z]+/[0-9a-f]+/" + Pattern.quote(file) + ")\"").matcher(html);
        assertThat(m.find()).as("%s in %s", file, html).isTrue();
        return m.group(1);
    }
}
