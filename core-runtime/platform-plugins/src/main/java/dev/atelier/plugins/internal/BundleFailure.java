package dev.atelier.plugins.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.BundleException;

/**
 * Turns Felix's exceptions into a reason an operator can read in a status line, and a hint on what to fix for the log.
 *
 * @param reason short, shown as the bundle's last error
 * @param hint what to do about it
 */
record BundleFailure(String reason, String hint) {

    // Felix: "missing requirement [acme [5](R 5.0)] osgi.wiring.package; (&(osgi.wiring.package=com.acme.x)(version>=1.0.0))"
    private static final Pattern REQUIREMENT =
            Pattern.compile("osgi\\.wiring\\.(package|bundle|host); \\(&?\\(?osgi\\.wiring\\.\\w+=([^)(]+)\\)");
    private static final Pattern FLOOR = Pattern.compile("^\\(version>=([^)]+)\\)");
    private static final Pattern CEILING = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");
    private static final Pattern EE = Pattern.compile("osgi\\.ee; \\((.*?)\\)\\s*(Unresolved|$)");

    static BundleFailure notInstallable(String reason) {
        return new BundleFailure(reason, reason.startsWith("not a jar")
                ? "Replace it with an OSGi bundle jar (for example built with bnd-maven-plugin)."
                : "Fix the bundle's manifest (bnd-maven-plugin writes a correct one) and redeploy.");
    }

    static BundleFailure installFailed(BundleException e) {
        return new BundleFailure("manifest error: " + innermostMessage(e),
                "Fix the bundle's manifest (bnd-maven-plugin writes a correct one) and redeploy.");
    }

    /** Felix wraps the useful message ("Could not create bundle object." says nothing); the root cause says what. */
    private static String innermostMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    static BundleFailure startFailed(BundleException e) {
        String message = String.valueOf(e.getMessage());
        if (e.getType() == BundleException.RESOLVE_ERROR || message.startsWith("Unable to resolve")) {
            return unresolved(message);
        }
        if (e.getType() == BundleException.ACTIVATOR_ERROR && e.getCause() != null) {
            return new BundleFailure("activator failed: " + describe(e.getCause()),
                    "Fix the bundle's activator (stack trace logged at DEBUG) and redeploy.");
        }
        return new BundleFailure("start failed: " + message, "See the framework log, fix the bundle and redeploy.");
    }

    /** A throwable's message for a status line, or its simple class name when it has none. */
    static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    /** " [2.0.0,3.0.0)" from the version clauses of a requirement filter, or "" when it has none. */
    private static String versionRange(String filterRest) {
        Matcher floor = FLOOR.matcher(filterRest);
        Matcher ceiling = CEILING.matcher(filterRest);
        if (!floor.find()) {
            return "";
        }
        return ceiling.find() ? " [" + floor.group(1) + "," + ceiling.group(1) + ")" : " " + floor.group(1) + " or later";
    }

    private static BundleFailure unresolved(String message) {
        Matcher matcher = REQUIREMENT.matcher(message);
        String kind = null;
        String name = null;
        String versions = "";
        // The last requirement named is the root cause when Felix nests "caused by" messages.
        while (matcher.find()) {
            kind = matcher.group(1);
            name = matcher.group(2);
            int filterEnd = message.indexOf(' ', matcher.end());
            versions = versionRange(message.substring(matcher.end(), filterEnd < 0 ? message.length() : filterEnd));
        }
        if (name != null) {
            String what = (kind.equals("package") ? "package " : kind + " ") + name + versions;
            return new BundleFailure("missing requirement: " + what,
                    "Deploy a bundle that provides " + what + ", or remove it from the bundle's imports.");
        }
        Matcher ee = EE.matcher(message);
        if (ee.find()) {
            return new BundleFailure("missing requirement: Java runtime " + ee.group(1),
                    "Build the bundle for Java 17 or older.");
        }
        return new BundleFailure("not resolvable: " + message, "Provide what the bundle requires and redeploy.");
    }
}
