// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.control;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** {@code host:port} strings of the API; literal IP addresses only, never a DNS lookup. */
public final class Addresses {
    private Addresses() {}

    public static InetSocketAddress parse(String field, String value) {
        if (value == null) {
            throw new ApiException(400, field + ": missing");
        }
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new ApiException(400, field + ": expected host:port, got " + value);
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!host.matches("[0-9.]+|[0-9a-fA-F:.]+")) {
            throw new ApiException(400, field + ": host must be an IP address, got " + host);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ApiException(400, field + ": bad port in " + value);
        }
        if (port < 0 || port > 65535) {
            throw new ApiException(400, field + ": port out of range in " + value);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new ApiException(400, field + ": not an IP address: " + host);
        }
    }

    public static String format(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
