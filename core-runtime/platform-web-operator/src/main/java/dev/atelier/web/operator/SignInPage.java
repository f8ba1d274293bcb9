package dev.atelier.web.operator;

/**
 * What {@code operator/signin.ftlh} shows.
 *
 * @param error why the last attempt was refused, or {@code null} on a fresh form
 */
public record SignInPage(String error) {

    /** The form as first shown. */
    static SignInPage fresh() {
        return new SignInPage(null);
    }
}
