package dev.atelier.legal.freemarker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atelier.spi.legal.DocumentData;
import dev.atelier.spi.legal.DocumentTemplate;
import dev.atelier.spi.legal.LegalDocumentRenderer;
import dev.atelier.spi.legal.RenderedDocument;
import dev.atelier.spi.legal.TemplateRenderException;
import dev.atelier.spi.legal.TemplateResolver;
import dev.atelier.spi.testkit.LegalDocumentRendererContract;
import dev.atelier.spi.testkit.TestTenantContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The renderer contract, and how the sandbox words each refusal. */
class FreemarkerRendererTest extends LegalDocumentRendererContract {

    @Override
    protected LegalDocumentRenderer createRenderer() {
        return new FreemarkerRenderer();
    }

    @Override
    protected String documentTemplate() {
        return """
                <@doc.title>Privacy Policy</@doc.title>
                <@doc.p>Written for
                  ${tenant.name}.</@doc.p>
                <@doc.list>
                <#list processors as p>
                  <@doc.item>${p.name}</@doc.item>
                </#list>
                </@doc.list>
                """;
    }

    @Override
    protected String includingTemplate(String name) {
        return "<#include \"" + name + "\">";
    }

    @Override
    protected String brokenTemplate() {
        return "<@doc.title>Fine</@doc.title>\n<#if>broken</#if>\n";
    }

    @Override
    protected Map<String, String> escapeAttempts() {
        Map<String, String> attempts = new LinkedHashMap<>();
        attempts.put("?new", "<#assign run = \"freemarker.template.utility.Execute\"?new()>${run(\"id\")}");
        attempts.put("class loading through ?new", "<#assign make = \"freemarker.template.utility.ObjectConstructor\""
                + "?new()>${make(\"java.lang.ProcessBuilder\", \"id\")}");
        attempts.put("?api", "${tenant?api.getClass().getName()}");
        attempts.put("?eval", "${\"1 + 1\"?eval}");
        attempts.put("?eval of data", "${tenant.name?eval}");
        attempts.put("?interpret", "<@\"x\"?interpret />");
        attempts.put("static models", "${statics[\"java.lang.System\"].getProperty(\"user.home\")}");
        attempts.put("Java method on data", "${tenant.name.getClass()}");
        attempts.put("class loading through an import", "<#import \"/java/lang/Runtime.class\" as runtime>");
        attempts.put("object wrapper setting", "<#setting object_wrapper=\"freemarker.template.DefaultObjectWrapper"
                + "(2.3.34)\">");
        attempts.put("class resolver setting", "<#setting new_builtin_class_resolver=\"unrestricted\">");
        return attempts;
    }

    @Override
    protected List<String> endlessTemplates() {
        return List.of("<#list 1.. as i></#list>",
                "<#macro again n><@again n + 1 /></#macro><@again 1 />",
                "<#function again n><#return again(n + 1)></#function>${again(1)}");
    }

    @Override
    protected String endlessOutputTemplate() {
        return "<#list 1.. as i>${\"gigabyte\"?left_pad(1000, \"x\")}</#list>";
    }

    @Test
    void wordsEachRefusalForTheTemplatesAuthor() {
        assertThat(refusal("${\"1 + 1\"?eval}")).contains("?eval is not allowed");
        assertThat(refusal("${\"java.lang.Object\"?new()}")).contains("java.lang.Object");
        assertThat(refusal("${tenant?api}")).containsIgnoringCase("api_builtin_enabled");
        assertThat(refusal("<#include \"/etc/passwd\">")).contains("etc/passwd");
        assertThat(refusal("<#list 1.. as i></#list>")).contains("ran longer than");
        assertThat(refusal(endlessOutputTemplate())).contains("longer than 1000000 characters");
    }

    @Test
    void aSingleHugeTextFailsTheRenderingAlone() {
        assertThat(refusal("${\"x\"?left_pad(2000000000)}")).isEqualTo("The template built a text too large to hold");
    }

    @Test
    void refusesEvalInAnIncludedTemplateWithItsPosition() {
        TemplateResolver includes = name -> java.util.Optional.of("line one\n  ${x?eval}");
        TemplateRenderException error = catchThrowableOfType(() -> new FreemarkerRenderer().render(
                new DocumentTemplate("main.ftl", "<#include \"part.ftl\">", includes), data(), tenant()),
                TemplateRenderException.class);

        assertThat(error.located()).isEqualTo("part.ftl, line 2, column 6: ?eval is not allowed: templates may not "
                + "run text as template code");
    }

    @Test
    void writesLinksAndEmailsInEachFormat() throws Exception {
        RenderedDocument document = new FreemarkerRenderer().render(new DocumentTemplate("links.ftl", """
                <@doc.p>Write to <@doc.email "help@example.com"/> or read
                  <@doc.link "https://example.com/terms">our terms</@doc.link>.</@doc.p>
                """, TemplateResolver.NONE), data(), tenant());

        assertThat(document.text()).isEqualTo("Write to help@example.com or read our terms "
                + "(https://example.com/terms).\n");
        assertThat(document.markdown()).isEqualTo("Write to <help@example.com> or read "
                + "[our terms](https://example.com/terms).\n");
        assertThat(document.html()).isEqualTo("<p>Write to <a href=\"mailto:help@example.com\">help@example.com</a> "
                + "or read <a href=\"https://example.com/terms\">our terms</a>.</p>\n");
    }

    @Test
    void refusesALinkThatIsNotWebOrMail() {
        assertThat(refusal("<@doc.p><@doc.link \"javascript:alert(1)\">x</@doc.link></@doc.p>"))
                .contains("a link must start with https:, http: or mailto:");
    }

    @Test
    void separatesMarkdownBlocksButKeepsListsTight() throws Exception {
        RenderedDocument document = new FreemarkerRenderer().render(new DocumentTemplate("md.ftl", documentTemplate(),
                TemplateResolver.NONE), DATA, tenant());

        assertThat(document.markdown()).isEqualTo("# Privacy Policy\n\nWritten for Ada & <Co>.\n\n- Stripe\n"
                + "- Cloudflare R2\n");
    }

    private static DocumentData data() {
        return DocumentData.of(Map.of("tenant", Map.of("name", "Ada")));
    }

    private static String refusal(String source) {
        TemplateRenderException error = catchThrowableOfType(() -> new FreemarkerRenderer().render(
                new DocumentTemplate("t.ftl", source, TemplateResolver.NONE), data(), TestTenantContext.defaults()),
                TemplateRenderException.class);
        assertThat(error).as(source).isNotNull();
        return error.getMessage();
    }
}
