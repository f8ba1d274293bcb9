package dev.atelier.web.legal;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method a signed-in user may use only after accepting the tenant's documents published in
 * "require" mode: generating and buying. {@link AcceptanceGate} answers in its place until they did.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresAcceptance {

    /**
     * Where the accept page sends the user back for a form post (whose own URL may need the form's fields, which the
     * gate does not read); empty to go back to the request's own path. Page requests with GET always return to
     * their own path and query.
     */
    String returnTo() default "";
}
