package dev.atelier.web.theme;

import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code msg("create.prompt.label")} or {@code msg("gallery.count", items?size)} in templates: the tenant's text for a
 * key, arguments filled in. Numbers are written as {@code ${n}} writes them (1,234), so a sentence reads the same
 * whether its number came through a message or not.
 */
final class MessageMethod implements TemplateMethodModelEx {

    private final Messages messages;

    MessageMethod(Messages messages) {
        this.messages = messages;
    }

    Messages messages() {
        return messages;
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.isEmpty() || !(arguments.get(0) instanceof TemplateScalarModel key)) {
            throw new TemplateModelException("msg(key, ...) takes a message key first, e.g. msg(\"nav.pricing\")");
        }
        List<String> values = new ArrayList<>(arguments.size() - 1);
        for (int i = 1; i < arguments.size(); i++) {
            values.add(text((TemplateModel) arguments.get(i)));
        }
        return new SimpleScalar(messages.text(key.getAsString(), values));
    }

    private static String text(TemplateModel value) throws TemplateModelException {
        if (value instanceof TemplateNumberModel number) {
            return NumberFormat.getNumberInstance(Locale.US).format(number.getAsNumber());
        }
        if (value instanceof TemplateScalarModel scalar) {
            return scalar.getAsString();
        }
        if (value instanceof TemplateBooleanModel bool) {
            return String.valueOf(bool.getAsBoolean());
        }
        return value == null ? "" : value.toString();
    }
}
