package dev.atelier.web.operator;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the operator API: it needs an operator token ({@code Authorization: Bearer atlop_...}, made with
 * {@code bin/atelier operators tokens create}), or for reading only, the operator console's cookie. Tenant hosts never
 * serve it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OperatorOnly {}
