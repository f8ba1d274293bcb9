package dev.atelier.plugins;

/**
 * Plugin code to run through {@link PluginRegistry#call}.
 *
 * @param <S> the kind's SPI interface
 * @param <R> what the call returns
 */
@FunctionalInterface
public interface PluginCall<S, R> {

    R call(S service) throws Exception;
}
