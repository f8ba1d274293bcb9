package dev.atelier.legal.freemarker.internal;

import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleHash;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.SimpleSequence;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.util.List;
import java.util.Map;

/**
 * Shows templates plain data and nothing else: text, numbers, true/false, lists and maps become FreeMarker's simple
 * models; any other object is refused. So no Java method can be called, no class reached, through the data.
 */
final class DataWrapper implements ObjectWrapper {

    static final DataWrapper INSTANCE = new DataWrapper();

    private DataWrapper() {}

    @Override
    public TemplateModel wrap(Object value) throws TemplateModelException {
        if (value == null) {
            return null;
        }
        if (value instanceof TemplateModel model) {
            return model;
        }
        if (value instanceof String text) {
            return new SimpleScalar(text);
        }
        if (value instanceof Boolean bool) {
            return bool ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
        }
        if (value instanceof Number number) {
            return new SimpleNumber(number);
        }
        if (value instanceof Map<?, ?> map) {
            return new SimpleHash(map, this);
        }
        if (value instanceof List<?> list) {
            return new SimpleSequence(list, this);
        }
        throw new TemplateModelException("Only text, numbers, true/false, lists and maps are given to templates");
    }
}
