package dev.atelier.plugins;

/**
 * Reads, once when a service appears, what the host keeps of it: its id and, if the kind wants one, a description.
 * This is also the place to validate a service: throw {@link RejectedServiceException} with a reason an operator can
 * act on, and the service is ignored.
 *
 * @param <S> the kind's SPI interface
 * @param <D> the description read, {@link Void} when none
 */
@FunctionalInterface
public interface ServiceReader<S, D> {

    /**
     * @param service the plugin's service object
     * @param appearing its bundle and service properties
     * @throws Exception to have the service ignored; a {@link RejectedServiceException}'s message is the reason as is
     */
    ServiceIdentity<D> read(S service, AppearingService appearing) throws Exception;
}
