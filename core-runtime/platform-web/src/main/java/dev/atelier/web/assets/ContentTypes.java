package dev.atelier.web.assets;

import dev.atelier.core.files.FileTypes;

/** The {@code Content-Type} a static file is served with: its media type, text types with their UTF-8 charset. */
public final class ContentTypes {

    private ContentTypes() {}

    public static String of(String fileName) {
        String type = FileTypes.of(fileName);
        return type.startsWith("text/") ? type + "; charset=utf-8" : type;
    }
}
