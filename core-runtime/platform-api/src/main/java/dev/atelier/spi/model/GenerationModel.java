package dev.atelier.spi.model;

import dev.atelier.spi.plugin.PluginService;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A generation model: makes images or videos from a prompt and optional input media.
 *
 * <p>Implemented by plugin bundles and registered as an OSGi service under this interface. Implementations must be
 * thread-safe (the host calls {@link #generate} concurrently) and must keep no per-tenant state: everything a call
 * needs arrives in its arguments.
 *
 * <p>Service properties: the host does not require any. {@code service.ranking} decides between two services that
 * declare the same {@linkplain ModelDescriptor#id() model id} (higher wins; then the more recently installed bundle).
 *
 * <p>A model that calls a vendor declares its settings and the vendor's data processing in
 * {@link PluginService#description()}; the tenant's values arrive in {@link GenerationContext#tenant()}.
 */
@ConsumerType
public interface GenerationModel extends PluginService {

    /**
     * Describes this model. Called once when the service is registered; the result must not change while the service
     * stays registered (deploy a new bundle version to change it).
     *
     * @return the descriptor; never {@code null}
     */
    ModelDescriptor descriptor();

    /**
     * Generates media. Runs on a host worker thread whose context class loader is this bundle's class loader.
     *
     * <p>The host has already checked {@code request} against {@link #descriptor()}: every declared parameter is
     * present (defaults filled in) and within its bounds, and inputs are of accepted kinds. Report progress with
     * {@link GenerationContext#progress(int, String)}. Check {@link GenerationContext#isCancelled()} between steps and
     * throw {@link GenerationException} of kind {@link GenerationException.Kind#CANCELLED} when it is true; after
     * {@link GenerationContext#deadline()} the host stops waiting and the call's result is discarded.
     *
     * @param request what to generate
     * @param context progress, cancellation, deadline and the tenant the call is made for
     * @return at least one generated medium, of the descriptor's {@linkplain ModelDescriptor#output() output kind}
     * @throws GenerationException when nothing could be generated; its message is shown to the end user
     */
    GenerationResult generate(GenerationRequest request, GenerationContext context) throws GenerationException;
}
