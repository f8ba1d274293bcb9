package dev.atelier.web.pages;

import dev.atelier.web.assets.StaticFiles;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.util.List;

/** {@code asset("css/site.css")} in templates: the content-hashed URL of a static file of the tenant's theme. */
final class AssetMethod implements TemplateMethodModelEx {

    private final StaticFiles files;
    private final String theme;

    AssetMethod(StaticFiles files, String theme) {
        this.files = files;
        this.theme = theme;
    }

    @Override
    public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
        if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel path)) {
            throw new TemplateModelException("asset(path) takes one string, e.g. asset(\"css/site.css\")");
        }
        return files.url(theme, path.getAsString());
    }
}
