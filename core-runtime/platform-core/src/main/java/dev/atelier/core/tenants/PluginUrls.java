package dev.atelier.core.tenants;

import dev.atelier.config.AtelierConfig;
import dev.atelier.config.Keys;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * What a URL in a plugin's settings may point at. The platform calls these URLs from inside the deployment (a model's
 * {@code base_url}, a storage {@code endpoint}), so a tenant configuration pointing one at {@code 127.0.0.1}, a private
 * network or the cloud metadata address ({@code 169.254.169.254}) would make the platform send requests, with the
 * tenant's vendor credentials, to services that only trust the inside.
 *
 * <p>Checked: every setting whose key ends in {@code url}, {@code uri} or {@code endpoint}, and every setting whose
 * value starts with a scheme ({@code something://}). Such a value must be an {@code https} URL ({@code http} too on the
 * {@code local} profile) whose host, written as an address or resolved by name, is none of: loopback, private
 * (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7), link-local (169.254/16, fe80::/10), unspecified, multicast, or
 * an IPv4 address of those kinds embedded in IPv6 — unless {@code atelier.plugins.allow-private-addresses} is set. A
 * host name that does not resolve when checked is let through: a vendor host may be unreachable from where a folder
 * is applied. The check runs when settings are saved; a name may resolve elsewhere later (DNS rebinding), see
 * {@code docs/operators.md}.
 */
public final class PluginUrls {

    /** Resolves a host name to its addresses; the system resolver outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Pattern URL_KEY = Pattern.compile("(?i)(.*[_.-])?(url|uri|endpoint)");
    private static final Pattern HAS_SCHEME = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://.*", Pattern.DOTALL);
    // Written like an address (digits, hex, dots, colons) rather than a name: if it does not parse, it is refused.
    private static final Pattern AMBIGUOUS_IPV4 = Pattern.compile("(?i)[0-9a-fx.]*(^|\\.)(0[0-9]|0x)[0-9a-fx.]*");
    private static final Pattern ADDRESS_LIKE = Pattern.compile("(?i)\\[?[0-9a-fx.:]+]?");

    private final boolean httpAllowed;
    private final boolean privateAddressesAllowed;
    private final Resolver resolver;

    /**
     * @param httpAllowed whether {@code http} URLs are accepted (the {@code local} profile)
     * @param privateAddressesAllowed {@code atelier.plugins.allow-private-addresses}
     */
    public PluginUrls(boolean httpAllowed, boolean privateAddressesAllowed, Resolver resolver) {
        this.httpAllowed = httpAllowed;
        this.privateAddressesAllowed = privateAddressesAllowed;
        this.resolver = resolver;
    }

    /** The strict policy: https only, no private addresses, the system resolver. */
    public static PluginUrls strict() {
        return new PluginUrls(false, false, InetAddress::getAllByName);
    }

    /** The policy of a configuration: its profile and {@code atelier.plugins.allow-private-addresses}. */
    public static PluginUrls fromConfig(AtelierConfig config) {
        return new PluginUrls("local".equals(config.profile()), config.get(Keys.PLUGINS_ALLOW_PRIVATE_ADDRESSES),
                InetAddress::getAllByName);
    }

    /** This policy for folders applied with {@code profile}: http is accepted on {@code local} only. */
    public PluginUrls forProfile(String profile) {
        return new PluginUrls("local".equals(profile), privateAddressesAllowed, resolver);
    }

    /** Reports each refused URL of a plugin's {@code settings} as {@code (path.key, problem)}. */
    public void check(String path, Map<String, String> settings, BiConsumer<String, String> problems) {
        settings.forEach((key, value) -> problem(key, value).ifPresent(p -> problems.accept(path + "." + key, p)));
    }

    /** Why the setting {@code key} may not hold {@code value}, for a person; empty when it may. */
    public Optional<String> problem(String key, String value) {
        if (value == null || value.isBlank() || !(URL_KEY.matcher(key).matches()
                || HAS_SCHEME.matcher(value.strip()).matches())) {
            return Optional.empty();
        }
        String expected = httpAllowed ? "an http or https URL" : "an https URL";
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            return Optional.of("must be " + expected + " such as https://api.example.com");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(httpAllowed && scheme.equals("http"))) {
            return Optional.of("must be " + expected + (httpAllowed ? "" : " (http is accepted on the local profile"
                    + " only)") + ", was " + (scheme.isEmpty() ? "a URL without scheme" : scheme + "://..."));
        }
        if (uri.getHost() == null) {
            return Optional.of("must be " + expected + " with a host name, such as https://api.example.com");
        }
        return privateAddressesAllowed ? Optional.empty() : addressProblem(uri.getHost());
    }

    private Optional<String> addressProblem(String host) {
        if (AMBIGUOUS_IPV4.matcher(host).matches()) {
            // Java reads 0177.0.0.1 as 177.0.0.1, C libraries as 127.0.0.1: refuse what readers disagree on.
            return Optional.of("names the host " + host + ", an address with octal or hexadecimal parts; write it as"
                    + " four decimal numbers or use a host name");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return ADDRESS_LIKE.matcher(host).matches()
                    ? Optional.of("names the host " + host + ", which is not a valid address")
                    : Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of("points at " + address.getHostAddress() + ", a loopback, private or link-local"
                        + " address; vendors must be reached on public addresses (an operator can allow these with"
                        + " atelier.plugins.allow-private-addresses)");
            }
        }
        return Optional.empty();
    }

    /** Loopback, private, link-local, unspecified or multicast, also as IPv4 embedded in IPv6. */
    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 0/8 reaches this host on Linux; 100.64/10 is carrier-grade NAT, where some clouds keep metadata.
            return first == 0 || first == 100 && second >= 64 && second < 128;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7, unique local
            }
            boolean zeroPrefix = true;
            for (int i = 0; i < 12; i++) {
                zeroPrefix &= b[i] == 0;
            }
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b;
            if (zeroPrefix || nat64) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("four bytes are always an IPv4 address", e);
                }
            }
        }
        return false;
    }
}
