package dev.atelier.web.operator;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks operator endpoints that answer only requests from this machine. A stopgap until operator accounts exist:
 * anyone who can reach the port from elsewhere gets 403.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LoopbackOnly {}
