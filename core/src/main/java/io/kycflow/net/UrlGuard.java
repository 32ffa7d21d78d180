package io.kycflow.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses URLs the platform must never call on a tenant's behalf: anything that resolves to loopback, private,
 * link-local (cloud metadata), carrier-grade NAT, multicast or unspecified addresses. Hosts on the allow-list
 * (local development) are let through.
 */
public final class UrlGuard {
    private final Set<String> allowedHosts;

    /** @param allowedHosts lower-case host names or literals that may be private (e.g. for the local runtime) */
    public UrlGuard(Set<String> allowedHosts) {
        this.allowedHosts = Set.copyOf(allowedHosts);
    }

    /** A guard configured from a comma-separated allow-list (e.g. {@code KYCFLOW_CALLBACK_ALLOWLIST}). */
    public static UrlGuard fromAllowList(String commaSeparated) {
        Set<String> hosts = new java.util.HashSet<>();
        if (commaSeparated != null) {
            for (String host : commaSeparated.split(",")) {
                if (!host.isBlank()) {
                    hosts.add(host.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new UrlGuard(hosts);
    }

    /** Why the URL is refused, or null when it may be called. */
    public String refusal(String url) {
        return refusal(url, false);
    }

    /**
     * Why the URL is refused, or null when it may be called.
     *
     * @param httpsOnly refuse plain http too, except to allow-listed hosts (local servers)
     */
    public String refusal(String url, boolean httpsOnly) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "must be an http or https URL";
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return "has no host";
        }
        if (uri.getUserInfo() != null) {
            return "must not carry credentials";
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(bareHost.toLowerCase(Locale.ROOT))) {
            return null;
        }
        if (httpsOnly && !scheme.equals("https")) {
            return "must be an https URL";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bareHost);
        } catch (UnknownHostException e) {
            return "has a host that does not resolve";
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return "resolves to a private or reserved address";
            }
        }
        return null;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
