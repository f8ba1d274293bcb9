package dev.atelier.spi.storage;

/** No object exists under the key asked for. */
public class ObjectNotFoundException extends StorageException {

    private static final long serialVersionUID = 1L;

    public ObjectNotFoundException(String key) {
        super("no object with key " + key);
    }
}
