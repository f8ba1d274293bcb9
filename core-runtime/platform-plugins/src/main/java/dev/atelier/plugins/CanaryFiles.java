package dev.atelier.plugins;

/**
 * How a canary jar sits in the deploy folder: beside the bundle's current jar under {@code <symbolic-name>~canary.jar},
 * so the plugin host installs it as a second bundle of the same symbolic name, while the cluster's bundle repository
 * and uploads leave it alone (it is not the bundle's current jar). A {@code ~} never appears in a symbolic name, so no
 * bundle's own jar ({@code <symbolic-name>.jar}) can be taken for a canary's.
 */
public final class CanaryFiles {

    /** The end of every canary jar's file name. */
    public static final String SUFFIX = "~canary.jar";

    private CanaryFiles() {}

    /** The file name of {@code symbolicName}'s canary jar. */
    public static String fileName(String symbolicName) {
        return symbolicName + SUFFIX;
    }

    /** Whether a deploy-folder file name is a canary's. */
    public static boolean isCanary(String fileName) {
        return fileName.endsWith(SUFFIX);
    }

    /** Whether a bundle installed from the deploy folder (location {@code atelier-deploy:<file>#<n>}) is a canary. */
    public static boolean isCanaryLocation(String location) {
        int hash = location.lastIndexOf('#');
        return isCanary(hash < 0 ? location : location.substring(0, hash));
    }
}
