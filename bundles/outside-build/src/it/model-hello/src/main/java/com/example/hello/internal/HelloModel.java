package com.example.hello.internal;

import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import org.osgi.service.component.annotations.Component;

/** A square of one colour, chosen by the prompt: the smallest model that keeps the contract. */
@Component(service = GenerationModel.class)
public final class HelloModel implements GenerationModel {

    private static final ModelDescriptor DESCRIPTOR = ModelDescriptor.builder("hello")
            .name("Hello")
            .description("A square in a colour your prompt picks.")
            .version("0.2.0")
            .output(MediaKind.IMAGE)
            .parameter(ParameterSpec.integer("size", "Size (px)", 1, 64, 8))
            .defaultCreditCost(1)
            .build();

    @Override
    public GenerationResult generate(GenerationRequest request, GenerationContext context)
            throws GenerationException {
        int size = (int) request.longParameter("size");
        int rgb = request.prompt().hashCode() & 0xFFFFFF;
        context.throwIfCancelled();
        context.progress(0, "Mixing the colour");
        context.throwIfCancelled();
        byte[] png = SquarePng.of(size, rgb);
        context.progress(100, "Done");
        return GenerationResult.of(GeneratedMedia.image("image/png", png, size, size));
    }

    /** The same descriptor on every call, as the host expects. */
    @Override
    public ModelDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
