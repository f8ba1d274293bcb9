package dev.atelier.plugins.testbundles;

import dev.atelier.plugins.testkind.Greeter;
import dev.atelier.spi.tenant.TenantContext;

/** A Greeter that reports the tenant, its settings, the correlation id and whether the TCCL was its bundle's. */
public final class HelloGreeter implements Greeter {

    @Override
    public String greet(String name, TenantContext tenant) {
        boolean ownLoader = Thread.currentThread().getContextClassLoader() == HelloGreeter.class.getClassLoader();
        return tenant.pluginConfig("greeting").orElse("Hello") + " " + name + " (tenant " + tenant.tenantId()
                + ", correlation " + tenant.correlationId() + ", tccl " + (ownLoader ? "bundle" : "other") + ")";
    }
}
