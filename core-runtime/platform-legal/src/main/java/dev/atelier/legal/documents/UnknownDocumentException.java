package dev.atelier.legal.documents;

/** The tenant has no document of that name (no template for it, shipped or its own). */
public final class UnknownDocumentException extends LegalDocumentException {

    private static final long serialVersionUID = 1L;

    public UnknownDocumentException(String document) {
        super("There is no legal document \"" + document + "\"", null);
    }
}
