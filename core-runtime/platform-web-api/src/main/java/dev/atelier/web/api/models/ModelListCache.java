package dev.atelier.web.api.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.plugins.ModelInfo;
import dev.atelier.web.Page;
import dev.atelier.web.Pagination;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The JSON of the first page of {@code /api/v1/models}, serialized once per model snapshot. The plugin host hands out
 * the same immutable list until a bundle comes or goes, so the list's identity tells when the bytes are stale; the
 * most requested page then costs no serialization.
 */
public final class ModelListCache {

    private record Entry(List<ModelInfo> snapshot, byte[] json) {}

    private final ObjectMapper mapper;
    private final AtomicReference<Entry> current = new AtomicReference<>(new Entry(null, null));

    public ModelListCache(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The first page (default limit, no cursor) of {@code snapshot}, as JSON. */
    public byte[] firstPage(List<ModelInfo> snapshot) {
        Entry entry = current.get();
        if (entry.snapshot() == snapshot) {
            return entry.json();
        }
        byte[] json = serialize(snapshot);
        current.set(new Entry(snapshot, json));
        return json;
    }

    private byte[] serialize(List<ModelInfo> snapshot) {
        Page<ModelInfo> page = Pagination.page(snapshot, info -> info.descriptor().id(), null, null);
        try {
            return mapper.writeValueAsBytes(new Page<>(page.items().stream().map(ModelView::of).toList(),
                    page.nextCursor()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
