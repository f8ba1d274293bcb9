package dev.atelier.plugins.internal;

import dev.atelier.plugins.PluginHostException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Installs the infrastructure bundles (Declarative Services and its API) that plugins rely on. */
public final class SystemBundles {

    private static final Logger LOG = LoggerFactory.getLogger(SystemBundles.class);

    private SystemBundles() {}

    /**
     * Installs every jar of {@code folder} in name order, then starts them in the same order; installing all first lets
     * a bundle resolve against ones named after it.
     */
    public static void installAndStart(BundleContext context, Path folder) throws PluginHostException {
        if (!Files.isDirectory(folder)) {
            LOG.warn("No system bundles folder {}; Declarative Services components will not run", folder);
            return;
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars(folder)) {
            try (InputStream in = Files.newInputStream(jar)) {
                installed.add(context.installBundle("atelier-system:" + jar.getFileName(), in));
            } catch (IOException | BundleException e) {
                throw new PluginHostException("Could not install system bundle " + jar.getFileName() + ": "
                        + e.getMessage(), e);
            }
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException e) {
                throw new PluginHostException("Could not start system bundle " + bundle.getSymbolicName() + ": "
                        + BundleFailure.startFailed(e).reason(), e);
            }
        }
        LOG.info("Started {} system bundles from {}", installed.size(), folder);
    }

    private static List<Path> jars(Path folder) throws PluginHostException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new PluginHostException("Could not list system bundles in " + folder + ": " + e.getMessage(), e);
        }
    }
}
