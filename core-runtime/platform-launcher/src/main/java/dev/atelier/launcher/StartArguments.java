package dev.atelier.launcher;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The options of {@code atelier start} when they are plain: {@code --port}, {@code --role}, {@code --home},
 * {@code --data-dir} once each and {@code -s}/{@code --set KEY=VALUE} any number of times, each as {@code --name value}
 * or {@code --name=value}. Such a command line is run without picocli ({@link Main#run}).
 *
 * <p>Why: picocli's classes are Java 5 class files, which the class-data-sharing archive cannot hold, and it reads the
 * command classes' annotations before it parses anything; together about 0.2 s of every start's JVM, all before the
 * platform begins to start. Anything else (help, a version request, a mistake, an option this does not know) is
 * handed to picocli, which stays the authority on the command line, its help and its errors;
 * {@code StartArgumentsTest} checks that both read every plain command line alike.
 *
 * @param port {@code --port}, or {@code null}
 * @param role {@code --role}, or {@code null}
 * @param home {@code --home}, or {@code null}
 * @param dataDir {@code --data-dir}, or {@code null}
 * @param settings the {@code --set} pairs, later ones winning
 */
record StartArguments(String port, String role, Path home, String dataDir, Map<String, String> settings) {

    /** Reads {@code args} if it is {@code start} with plain options only; empty for anything picocli should see. */
    static Optional<StartArguments> plain(String[] args) {
        if (args.length == 0 || !"start".equals(args[0])) {
            return Optional.empty();
        }
        Map<String, String> single = new HashMap<>();
        Map<String, String> settings = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            String value;
            if (name.length() < arg.length()) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return Optional.empty();
            }
            if (value.startsWith("-") || !take(name, value, single, settings)) {
                return Optional.empty();
            }
        }
        try {
            String home = single.get("--home");
            return Optional.of(new StartArguments(single.get("--port"), single.get("--role"),
                    home == null ? null : Path.of(home), single.get("--data-dir"), Map.copyOf(settings)));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** Records one option; false for one this does not know, one given twice, or a setting without its '='. */
    private static boolean take(String name, String value, Map<String, String> single, Map<String, String> settings) {
        switch (name) {
            case "--port", "--role", "--home", "--data-dir" -> {
                return single.putIfAbsent(name, value) == null;
            }
            case "-s", "--set" -> {
                int equals = value.indexOf('=');
                if (equals <= 0) {
                    return false;
                }
                settings.put(value.substring(0, equals), value.substring(equals + 1));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** The configuration options these arguments set. */
    ConfigOptions configOptions() {
        return new ConfigOptions(home, dataDir, settings);
    }
}
