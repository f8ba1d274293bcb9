package dev.atelier.core.tenants;

import java.util.List;
import java.util.stream.Collectors;

/** A tenant configuration was rejected whole; nothing was written. Lists every problem found. */
public final class InvalidTenantConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public InvalidTenantConfigException(List<ConfigProblem> problems) {
        super("Invalid tenant configuration, nothing was changed:\n" + problems.stream()
                .map(problem -> "  " + problem).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
