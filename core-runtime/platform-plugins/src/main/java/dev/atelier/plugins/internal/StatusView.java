package dev.atelier.plugins.internal;

import dev.atelier.plugins.BundleStatus;
import dev.atelier.plugins.PluginMetrics;
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
    private final DeclaredKinds kinds;
    private final BundleActivities activities;

    public StatusView(BundleDeployer deployer, DeclaredKinds kinds, BundleActivities activities) {
        this.deployer = deployer;
        this.kinds = kinds;
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
        String error = file.lastError() != null ? file.lastError() : kinds.failureOf(bundle.getBundleId());
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
                services.add(kinds.describe(reference, type).orElse(type.substring(type.lastIndexOf('.') + 1)));
            }
        }
        services.sort(null);
        return services;
    }
}
