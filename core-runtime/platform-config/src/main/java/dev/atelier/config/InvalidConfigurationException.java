package dev.atelier.config;

import java.util.List;

/**
 * The configuration cannot be used. The message names every offending key, its value's source and what is wrong, one
 * problem a line, ready to print to an operator.
 */
public final class InvalidConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidConfigurationException(List<String> problems) {
        super("Invalid configuration:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each naming the key. */
    public List<String> problems() {
        return problems;
    }
}
