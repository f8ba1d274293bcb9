package dev.atelier.web.operator;

import dev.atelier.web.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Enforces {@link LoopbackOnly}: the peer address must be a loopback address. */
@Provider
@LoopbackOnly
public final class LoopbackOnlyFilter implements ContainerRequestFilter {

    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (!isLoopback(request.getRemoteAddr())) {
            context.abortWith(Problems.response(403, "Forbidden",
                    "The operator API answers only requests from the machine Atelier runs on."));
        }
    }

    private static boolean isLoopback(String address) {
        try {
            // The servlet container gives a literal address, so this never does a DNS lookup.
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
