package com.example.hello.internal;

import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.testkit.GenerationModelContract;

/** The platform's contract for generation models, from platform-spi-testkit, run against this bundle's model. */
class HelloModelTest extends GenerationModelContract {

    @Override
    protected GenerationModel createModel() {
        return new HelloModel();
    }
}
