package dev.atelier.cluster.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.cluster.ClusterEvent;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Events as JSON text: {@code {"seq":12,"origin":"n-3f2a","event":{"kind":"tenant.changed","tenantId":"tnt_..."}}}. */
public final class EventCodec {

    private static final Logger LOG = LoggerFactory.getLogger(EventCodec.class);

    // Unknown fields are ignored so a node of the previous version still reads a newer node's events during a
    // rolling upgrade.
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public String event(ClusterEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + event + ": " + e.getOriginalMessage(), e);
        }
    }

    public String envelope(Envelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + envelope + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The envelope in {@code text}, or empty (logged) when it is not one this node understands. */
    public Optional<Envelope> readEnvelope(String text) {
        try {
            return Optional.of(json.readValue(text, Envelope.class));
        } catch (JsonProcessingException e) {
            LOG.debug("Cluster message ignored, this node does not understand it: {}", e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /** The event in {@code text}, or empty (logged) when it is not one this node understands. */
    public Optional<ClusterEvent> readEvent(String text) {
        try {
            return Optional.of(json.readValue(text, ClusterEvent.class));
        } catch (JsonProcessingException e) {
            LOG.debug("Recorded cluster change ignored, this node does not understand it: {}",
                    e.getOriginalMessage());
            return Optional.empty();
        }
    }
}
