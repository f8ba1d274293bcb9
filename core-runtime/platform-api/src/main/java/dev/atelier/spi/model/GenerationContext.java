package dev.atelier.spi.model;

import dev.atelier.spi.tenant.TenantContext;
import java.time.Instant;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's side of one {@link GenerationModel#generate} call: who it is for, how long it may take, whether it was
 * cancelled, and where progress goes. Implemented by the host; valid only during that call.
 */
@ProviderType
public interface GenerationContext {

    /** The tenant the call is made for, with the plugin configuration that tenant set. */
    TenantContext tenant();

    /** Opaque id of the generation job; put it in log lines. */
    String jobId();

    /** When the host stops waiting for this call. A model that calls a remote API should pass this on as a timeout. */
    Instant deadline();

    /**
     * Whether the model should stop: the user cancelled, the platform is shutting down, or the deadline passed. Check
     * it between steps of long work.
     */
    boolean isCancelled();

    /**
     * Reports progress shown to the user. Cheap to call often; values lower than the last reported one are ignored.
     *
     * @param percent 0 to 100
     * @param stage short description of the current step for people, for example {@code "Rendering"}; may be
     *     {@code null}
     */
    void progress(int percent, String stage);

    /**
     * Where a vendor can notify this call (webhooks), when the platform has a public address; see {@link Callbacks}.
     * Models that only poll can ignore it.
     *
     * @return the call's callbacks, or empty when the platform is not reachable from outside (then poll)
     * @since 1.1
     */
    default Optional<Callbacks> callbacks() {
        return Optional.empty();
    }

    /**
     * Throws if the call should stop; convenient between steps.
     *
     * @throws GenerationException of kind {@link GenerationException.Kind#CANCELLED} when {@link #isCancelled()}
     */
    default void throwIfCancelled() throws GenerationException {
        if (isCancelled()) {
            throw new GenerationException(GenerationException.Kind.CANCELLED, "The generation was cancelled.");
        }
    }
}
