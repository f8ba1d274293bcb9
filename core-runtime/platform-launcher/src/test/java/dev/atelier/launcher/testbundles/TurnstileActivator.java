package dev.atelier.launcher.testbundles;

import dev.atelier.launcher.testkinds.BotProtection;
import java.util.Hashtable;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers the {@link TurnstileStandIn} as the bot-protection plugin {@code turnstile}. */
public final class TurnstileActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(BotProtection.ID, "turnstile");
        context.registerService(BotProtection.class, new TurnstileStandIn(), properties);
    }

    @Override
    public void stop(BundleContext context) {}
}
