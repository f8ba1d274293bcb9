package dev.atelier.plugins.testkind;

import dev.atelier.spi.tenant.TenantContext;

/** The SPI of a throwaway plugin kind: proves a kind needs nothing but its declaration. */
public interface Greeter {

    /** Service property naming the greeter. */
    String ID = "test.greeter.id";

    /** A greeting for {@code name} that says what the plugin saw of the call. */
    String greet(String name, TenantContext tenant);
}
