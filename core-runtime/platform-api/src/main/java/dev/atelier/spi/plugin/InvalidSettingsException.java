package dev.atelier.spi.plugin;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A tenant's configuration does not fit a plugin's {@link SettingsSchema}. The message names each key and problem and
 * never a secret's value, so it may be logged; it is the tenant admin's to fix, not the end user's.
 */
public final class InvalidSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<SettingProblem> problems;

    /** @param problems at least one */
    public InvalidSettingsException(List<SettingProblem> problems) {
        super(problems.stream().map(SettingProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the schema's order. */
    public List<SettingProblem> problems() {
        return problems;
    }
}
