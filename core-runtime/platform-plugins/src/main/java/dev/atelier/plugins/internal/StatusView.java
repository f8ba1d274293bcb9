package dev.atelier.plugins.internal;

import dev.atelier.plugins.BundleStatus;
import dev.atelier.plugins.PluginMetrics;
import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.storage.StorageBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** Describes deployed jars for operators: state, services, last error and call metrics. */
public final class StatusView {

    private final BundleDeployer deployer;
    private final ModelTracker tracker;
    private final BundleActivities activities;

    public StatusView(BundleDeployer deployer, ModelTracker tracker, BundleActivities activities) {
        this.deployer = deployer;
        this.tracker = tracker;
        this.activities = activities;
    }

    /** Every jar of the deploy folder the host has acted on, by file name. */
    public List<BundleStatus> all() {
        return deployer.files().values().stream()
                .sorted(Comparator.comparing(DeployedFile::fileName))
                .map(this::describe)
                .toList();
    }

    /** One jar's status, if the host has acted on it. */
    public Optional<BundleStatus> of(String fileName) {
        return Optional.ofNullable(deployer.files().get(fileName)).map(this::describe);
    }

    private BundleStatus describe(DeployedFile file) {
        Bundle bundle = file.bundle();
        if (bundle == null) {
            return new BundleStatus(file.fileName(), file.symbolicName(), file.version(), BundleStatus.INVALID,
                    List.of(), file.lastError(), file.changedAt(), PluginMetrics.NONE);
        }
        BundleActivity activity = activities.peek(bundle.getBundleId());
        String error = file.lastError() != null ? file.lastError() : tracker.failureOf(bundle.getBundleId());
        return new BundleStatus(file.fileName(), file.symbolicName(), file.version(), state(bundle, activity),
                services(bundle), error, file.changedAt(), activity == null ? PluginMetrics.NONE : activity.metrics());
    }

    private static String state(Bundle bundle, BundleActivity activity) {
        if (activity == null || activity.isDraining()) {
            return BundleStatus.DRAINING;
        }
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> BundleStatus.ACTIVE;
            case Bundle.RESOLVED -> BundleStatus.RESOLVED;
            case Bundle.STARTING -> BundleStatus.STARTING;
            case Bundle.STOPPING -> BundleStatus.STOPPING;
            case Bundle.INSTALLED -> BundleStatus.INSTALLED;
            default -> "UNINSTALLED";
        };
    }

    private List<String> services(Bundle bundle) {
        List<String> services = new ArrayList<>();
        for (ServiceReference<?> reference : ServiceReadiness.registeredServices(bundle)) {
            for (String type : (String[]) reference.getProperty(Constants.OBJECTCLASS)) {
                String simpleName = type.substring(type.lastIndexOf('.') + 1);
                if (type.equals(GenerationModel.class.getName())) {
                    String modelId = tracker.modelIdOf(reference);
                    services.add(simpleName + " " + (modelId != null ? modelId : "(ignored)"));
                } else if (type.equals(StorageBackend.class.getName())) {
                    Object backendId = reference.getProperty(StorageBackend.BACKEND_ID);
                    services.add(simpleName + " " + (backendId != null ? backendId : "(ignored)"));
                } else {
                    services.add(simpleName);
                }
            }
        }
        services.sort(null);
        return services;
    }
}
