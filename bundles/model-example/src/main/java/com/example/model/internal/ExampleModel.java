package com.example.model.internal;

import dev.atelier.spi.model.GeneratedMedia;
import dev.atelier.spi.model.GenerationContext;
import dev.atelier.spi.model.GenerationException;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.model.GenerationRequest;
import dev.atelier.spi.model.GenerationResult;
import dev.atelier.spi.model.MediaKind;
import dev.atelier.spi.model.ModelDescriptor;
import dev.atelier.spi.model.ParameterSpec;
import dev.atelier.spi.plugin.InvalidSettingsException;
import dev.atelier.spi.plugin.PluginDescription;
import dev.atelier.spi.plugin.PluginSettings;
import dev.atelier.spi.plugin.Setting;
import dev.atelier.spi.plugin.SettingsSchema;
import java.time.Duration;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * A gradient between two colours that the prompt picks, in a palette the tenant chooses: the smallest model that
 * keeps the platform's contract and shows each part a real one has (descriptor, parameters, a per-tenant setting,
 * progress, cancellation, errors written for people).
 *
 * <p>Declarative Services registers it as a {@link GenerationModel} service when the bundle starts; the platform
 * finds it there. No activator, no {@code BundleContext}.
 */
@Component(service = GenerationModel.class)
public final class ExampleModel implements GenerationModel {

    /** A tenant's choice of colours, in {@code tenant.yaml} as {@code models[].config.palette} or on /admin/plugins. */
    static final Setting<String> PALETTE = Setting.choice("palette", "warm", "cool").defaultsTo("warm")
            .describedAs("Colours the gradient is drawn from");

    // Settings and data processors: this model sends nothing to anyone, so it discloses no processor. A model that
    // calls a vendor lists it here (see the guide, "Settings and data-processor disclosures").
    private static final PluginDescription DESCRIPTION = new PluginDescription(SettingsSchema.of(PALETTE), List.of());

    // Built once: the host reads it when the service appears and expects the same object on every call. No version:
    // the host shows the bundle's Bundle-Version (model SPI 1.2), so an operator sees which build serves.
    private static final ModelDescriptor DESCRIPTOR = ModelDescriptor.builder("example")
            .name("Example gradient")
            .description("A soft gradient in two colours your prompt picks.")
            .output(MediaKind.IMAGE)
            .parameter(ParameterSpec.integer("width", "Width (px)", 16, 1024, 256))
            .parameter(ParameterSpec.integer("height", "Height (px)", 16, 1024, 256))
            .defaultCreditCost(1)
            .timeLimit(Duration.ofSeconds(30))
            .build();

    @Override
    public ModelDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public PluginDescription description() {
        return DESCRIPTION;
    }

    /**
     * Called on a worker thread, concurrently for many tenants: keep no state between calls. The host has already
     * checked the parameters against the descriptor and filled in defaults.
     */
    @Override
    public GenerationResult generate(GenerationRequest request, GenerationContext context)
            throws GenerationException {
        context.throwIfCancelled();
        context.progress(0, "Mixing the colours");
        PluginSettings settings = settings(context);
        int width = (int) request.longParameter("width");
        int height = (int) request.longParameter("height");
        GradientPicture picture = GradientPicture.forPrompt(request.prompt(), settings.get(PALETTE));

        context.throwIfCancelled();
        context.progress(50, "Painting the gradient");
        byte[] png = picture.png(width, height);

        context.progress(100, "Done");
        return GenerationResult.of(GeneratedMedia.image("image/png", png, width, height));
    }

    // The tenant's settings are read again in every call: a tenant configured before this bundle was deployed has
    // not been checked against its schema yet.
    private static PluginSettings settings(GenerationContext context) throws GenerationException {
        try {
            return DESCRIPTION.settings().read(context.tenant().pluginConfig());
        } catch (InvalidSettingsException e) {
            // The message reaches the end user: say what happened, not which key. Admins see the key where they set
            // it: the tenant folder's check when it is applied, and /admin/plugins.
            throw new GenerationException(GenerationException.Kind.FAILED,
                    "This model is not set up for this site yet.");
        }
    }
}
