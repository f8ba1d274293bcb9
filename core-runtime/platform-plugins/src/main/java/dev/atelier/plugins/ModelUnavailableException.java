package dev.atelier.plugins;

/** No deployed bundle serves the requested model right now. The message is written for a person. */
public class ModelUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String modelId;

    public ModelUnavailableException(String modelId) {
        super("Model '" + modelId + "' is not deployed right now.");
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }
}
