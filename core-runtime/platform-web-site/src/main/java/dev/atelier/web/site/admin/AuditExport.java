package dev.atelier.web.site.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.accounts.audit.AuditEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log as a file: CSV for spreadsheets, JSON for programs. CSV cells that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, a tab or a carriage return) are prefixed with {@code '}, since the
 * details hold what admins typed.
 */
final class AuditExport {

    static final List<String> COLUMNS = List.of("at", "actor_email", "actor_id", "action", "target", "details",
            "request_id");
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditExport() {}

    static String csv(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (AuditEntry entry : entries) {
            Map<String, Object> row = row(entry);
            StringBuilder line = new StringBuilder();
            for (String column : COLUMNS) {
                Object value = row.get(column);
                String text = value instanceof Map<?, ?> map ? json(map) : value == null ? "" : value.toString();
                line.append(line.isEmpty() ? "" : ",").append(cell(text));
            }
            out.append(line).append("\r\n");
        }
        return out.toString();
    }

    static String json(List<AuditEntry> entries) {
        return json(Map.of("entries", entries.stream().map(AuditExport::row).toList()));
    }

    /** One entry with snake_case names, as both formats and the page show it. */
    static Map<String, Object> row(AuditEntry entry) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", entry.id());
        row.put("at", entry.at().toString());
        row.put("actor_email", entry.actorEmail());
        row.put("actor_id", entry.actorId());
        row.put("action", entry.action());
        row.put("target", entry.target());
        row.put("details", entry.details());
        row.put("request_id", entry.requestId());
        return row;
    }

    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0 || !safe.equals(text);
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit entries could not be written as JSON", e);
        }
    }
}
