package dev.atelier.plugins.testbundles;

import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.ModelDescriptor;

/** A Declarative Services component (see the hand-written component XML in the test) serving model {@code echo-ds}. */
public final class DsEchoModel implements GenerationModel {

    private final EchoModel echo = new EchoModel("echo-ds", "1.0.0", null);

    @Override
    public ModelDescriptor descriptor() {
        return echo.descriptor();
    }

    @Override
    public GenerationResult generate(GenerationRequest request, GenerationContext context)
            throws GenerationException {
        return echo.generate(request, context);
    }
}
