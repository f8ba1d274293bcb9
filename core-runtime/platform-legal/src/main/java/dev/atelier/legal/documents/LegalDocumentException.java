package dev.atelier.legal.documents;

/** A legal document could not be rendered; subclasses say whether the document or its template is at fault. */
public class LegalDocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    public LegalDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
