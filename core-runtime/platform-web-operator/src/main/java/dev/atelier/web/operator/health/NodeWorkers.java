package dev.atelier.web.operator.health;

/**
 * What the node serving the console does with generations.
 *
 * @param role its role ({@code all}, {@code web} or {@code worker}; {@code atelier.node.role})
 * @param threads its worker threads; 0 when it runs none (a {@code web} node)
 */
public record NodeWorkers(String role, int threads) {}
