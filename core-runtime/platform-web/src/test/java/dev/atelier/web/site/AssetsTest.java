package dev.atelier.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.core.tenants.TenantStatus;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The theme engine's static files, with the fixture themes of this module. A tenant's brand files, which need its
 * folder, are checked on the whole platform (the launcher's {@code TenantResolutionTest}).
 */
class AssetsTest {

    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/static/([a-z]+)/([0-9a-f]+)/css/site\\.css)\"");
    private static final Pattern SCRIPT = Pattern.compile("src=\"(/static/[a-z]+/[0-9a-f]+/js/app\\.js)\"");
    private static SiteHarness site;

    @BeforeAll
    static void start() throws Exception {
        site = new SiteHarness();
        site.tenants.put(SiteHarness.tenant("alpha", "Alpha", "default", "#112233", null, TenantStatus.ACTIVE,
                "alpha.localhost"));
        site.tenants.put(SiteHarness.tenant("beta", "Beta", "contrast", "#aa00ff", null, TenantStatus.ACTIVE,
                "beta.localhost"));
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    @Test
    void staticFilesHaveContentHashedUrlsAndAreCachedForAYear() throws Exception {
        String css = find(STYLESHEET, site.get("alpha.localhost", "/").body());

        HttpResponse<String> response = site.get("alpha.localhost", css);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("body{color:#111}\n");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(site.get("alpha.localhost", find(SCRIPT, site.get("alpha.localhost", "/").body()))
                .headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
    }

    @Test
    void aThemeReplacesAStaticFileAndFallsBackToDefaultForTheRest() throws Exception {
        String page = site.get("beta.localhost", "/").body();
        String css = find(STYLESHEET, page);

        assertThat(css).startsWith("/static/contrast/");
        assertThat(site.get("beta.localhost", css).body()).isEqualTo("body{color:#f0f}\n");
        assertThat(css).isNotEqualTo(find(STYLESHEET, site.get("alpha.localhost", "/").body()));
        HttpResponse<String> js = site.get("beta.localhost", find(SCRIPT, page));
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).contains("console.log");
    }

    @Test
    void aWrongHashIsNotFound() throws Exception {
        assertThat(site.get("alpha.localhost", "/static/default/0123456789abcdef/css/site.css").statusCode())
                .isEqualTo(404);
        assertThat(site.get("alpha.localhost", "/static/default/0123456789abcdef/css/none.css").statusCode())
                .isEqualTo(404);
    }

    @Test
    void pathsOutsideTheStaticFolderAreRefused() throws Exception {
        Matcher m = STYLESHEET.matcher(site.get("alpha.localhost", "/").body());
        assertThat(m.find()).isTrue();
        String prefix = "/static/default/" + m.group(3) + "/";
        for (String path : new String[] {"../secret.txt", "..%2Fsecret.txt", "%2e%2e/secret.txt",
                "css/..%2F..%2Fsecret.txt", "..%5Csecret.txt", ".%2E/.%2E/layout.ftlh"}) {
            HttpResponse<String> response = site.get("alpha.localhost", prefix + path);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("top secret", "#macro");
        }
        assertThat(site.get("alpha.localhost", "/static/..%2F..%2Fdefault/x/secret.txt").statusCode()).isIn(400, 404);
    }

    private static String find(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as("%s in %s", pattern, html).isTrue();
        return m.group(1);
    }
}
