package dev.atelier.plugins;

/**
 * What a {@link ServiceReader} learned about a service.
 *
 * @param id the id the service serves under, for example a model id or {@code s3}; not blank
 * @param description what else the kind keeps of it (a model's descriptor), or {@code null}
 * @param <D> the description's type
 */
public record ServiceIdentity<D>(String id, D description) {

    public ServiceIdentity {
        if (id == null || id.isBlank()) {
            throw new RejectedServiceException("its id is blank");
        }
    }
}
