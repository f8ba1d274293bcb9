package dev.atelier.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pages shared by signed-in users, checked against FreeMarker rendering each user's page whole. */
class SplicedPageTest {

    private static final String LAYOUT = "<header><#if user??><a href=\"/account\" title=\"${user.displayName!\"\"}\">"
            + "${user.email}</a><#if user.admin><a href=\"/admin\">Admin</a></#if>"
            + "<form><input type=\"hidden\" name=\"csrf\" value=\"${csrf}\"></form></#if></header>"
            + "<main>Hello<#if (user.displayName)?has_content> ${user.displayName}</#if>!</main>"
            + "<footer><input name=\"csrf\" value=\"${csrf}\"><span data-id=\"${user.id}\"></span></footer>";

    @Test
    void eachUsersCopyIsWhatRenderingTheirPageWholeGives() throws Exception {
        List<Map<String, Object>> visitors = List.of(
                visitor("acc_1", "Ada", "ada@example.com", false, "0123abcd"),
                visitor("acc_2", "<script>alert('x')</script> & \"Bob\"", "bob+tag@example.com", true, "ff00"),
                visitor("acc_3", null, "nameless@example.com", false, "beef"),
                visitor("acc_4", "Zoë 😀 O'Neil", "zoe@example.com", false, ""));

        for (Map<String, Object> visitor : visitors) {
            SplicedPage page = splice(LAYOUT, visitor);
            assertThat(page.spliceable()).isTrue();
            String spliced = new String(page.with(ViewerTexts.of(visitor).values()), StandardCharsets.UTF_8);
            assertThat(spliced).isEqualTo(render(LAYOUT, visitor));
        }
        assertThat(new String(splice(LAYOUT, visitors.get(1)).with(ViewerTexts.of(visitors.get(1)).values()),
                StandardCharsets.UTF_8)).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)");
    }

    @Test
    void usersAlikeButForTheirTextsShareOneShape() {
        ViewerTexts ada = ViewerTexts.of(visitor("acc_1", "Ada", "ada@example.com", false, "aa"));
        ViewerTexts bob = ViewerTexts.of(visitor("acc_2", "Bob", "bob@example.com", false, "bb"));
        ViewerTexts admin = ViewerTexts.of(visitor("acc_3", "Cy", "cy@example.com", true, "cc"));
        ViewerTexts nameless = ViewerTexts.of(visitor("acc_4", null, "dee@example.com", false, "dd"));

        assertThat(ada.shape()).isEqualTo(bob.shape());
        assertThat(ada.shape()).isNotEqualTo(admin.shape()).isNotEqualTo(nameless.shape());
        assertThat(ada.values()).containsExactly("acc_1", "Ada", "ada@example.com", "aa");
    }

    @Test
    void aTemplateThatTransformsTheTextsIsRenderedWholeForEachUser() throws Exception {
        Map<String, Object> visitor = visitor("acc_1", "Ada", "ada@example.com", false, "0123abcd");
        for (String template : List.of("<p>${user.displayName?upper_case}</p>", "<p>${user.email?length}</p>",
                "<a href=\"/u?e=${user.email?url('UTF-8')}\">me</a>", "<p>${user.displayName?substring(0, 2)}</p>",
                "<p>${user.displayName?cap_first}</p>", "<script>var n = \"${user.displayName?js_string}\";</script>",
                "<p>${user.displayName?lower_case}</p>")) {
            assertThat(splice(template, visitor).spliceable()).as(template).isFalse();
        }
    }

    private static SplicedPage splice(String template, Map<String, Object> visitor) throws Exception {
        List<List<String>> markers = ViewerTexts.markers();
        String first = render(template, ViewerTexts.marked(visitor, markers.get(0)));
        String second = render(template, ViewerTexts.marked(visitor, markers.get(1)));
        return SplicedPage.of(first, markers.get(0), second, markers.get(1));
    }

    private static String render(String template, Map<String, Object> model) throws Exception {
        Configuration config = new Configuration(Configuration.VERSION_2_3_32);
        StringTemplateLoader loader = new StringTemplateLoader();
        loader.putTemplate("page.ftlh", template);
        config.setTemplateLoader(loader);
        config.setRecognizeStandardFileExtensions(true);
        StringWriter out = new StringWriter();
        config.getTemplate("page.ftlh").process(new HashMap<>(model), out);
        return out.toString();
    }

    private static Map<String, Object> visitor(String id, String name, String email, boolean admin, String csrf) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("displayName", name);
        user.put("email", email);
        user.put("emailVerified", true);
        user.put("admin", admin);
        Map<String, Object> visitor = new HashMap<>();
        visitor.put("user", user);
        visitor.put("csrf", csrf);
        visitor.put("flash", null);
        visitor.put("legalNotices", List.of());
        return visitor;
    }
}
