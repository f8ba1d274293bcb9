package dev.atelier.spi.testkit;

import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Runs the contract against the smallest model that honours it, so the kit itself is known to pass a good model. */
class SinglePixelModelContractTest extends GenerationModelContract {

    @Override
    protected GenerationModel createModel() {
        return new SinglePixelModel();
    }

    private static final class SinglePixelModel implements GenerationModel {
        @Override
        public ModelDescriptor descriptor() {
            return ModelDescriptor.builder("single-pixel")
                    .version("1.0.0")
                    .output(MediaKind.IMAGE)
                    .parameter(ParameterSpec.integer("grey", "Grey level", 0, 255, 128))
                    .build();
        }

        @Override
        public GenerationResult generate(GenerationRequest request, GenerationContext context)
                throws GenerationException {
            context.throwIfCancelled();
            context.progress(0, "Drawing");
            context.throwIfCancelled();
            int grey = (int) request.longParameter("grey");
            BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, grey << 16 | grey << 8 | grey);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            try {
                ImageIO.write(image, "png", png);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.progress(100, "Done");
            return GenerationResult.of(GeneratedMedia.image("image/png", png.toByteArray(), 1, 1));
        }
    }
}
