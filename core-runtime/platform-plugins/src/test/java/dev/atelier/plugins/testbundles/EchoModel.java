package dev.atelier.plugins.testbundles;

import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import java.nio.charset.StandardCharsets;

/**
 * A model packed into test bundles. Its prompt is a command: {@code fail} throws, {@code sleep:<millis>} takes that
 * long, anything else returns at once. The result's bytes say which model version served it and whether the context
 * class loader was this bundle's.
 */
public final class EchoModel implements GenerationModel {

    private final String modelId;
    private final String version;
    private final String descriptorFailure;

    public EchoModel(String modelId, String version, String descriptorFailure) {
        this.modelId = modelId;
        this.version = version;
        this.descriptorFailure = descriptorFailure;
    }

    @Override
    public ModelDescriptor descriptor() {
        if (descriptorFailure != null) {
            throw new IllegalStateException(descriptorFailure);
        }
        ModelDescriptor.Builder descriptor = ModelDescriptor.builder(modelId).name("Echo " + version);
        return (version == null ? descriptor : descriptor.version(version)).output(MediaKind.IMAGE).build();
    }

    @Override
    public GenerationResult generate(GenerationRequest request, GenerationContext context)
            throws GenerationException {
        String prompt = request.prompt();
        if (prompt.equals("fail")) {
            throw new IllegalStateException("echo was told to fail");
        }
        if (prompt.startsWith("sleep:")) {
            try {
                Thread.sleep(Long.parseLong(prompt.substring("sleep:".length())));
            } catch (InterruptedException e) {
                throw new GenerationException(GenerationException.Kind.CANCELLED, "interrupted");
            }
        }
        boolean ownLoader = Thread.currentThread().getContextClassLoader() == EchoModel.class.getClassLoader();
        String text = "model=" + modelId + ";version=" + version + ";tccl=" + (ownLoader ? "bundle" : "other");
        return GenerationResult.of(GeneratedMedia.image("text/plain", text.getBytes(StandardCharsets.UTF_8), 1, 1));
    }
}
