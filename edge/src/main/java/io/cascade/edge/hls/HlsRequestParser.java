// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

/**
 * Parses the raw (undecoded) path and query of an HLS request into an {@link HlsResource}.
 *
 * <p>Paths follow one grammar and are never used as file names: ids and names are
 * {@code [A-Za-z0-9_-]{1,64}}, numbers are canonical decimals of at most 18 digits, and anything
 * else (dot segments, percent-encoding, empty or extra segments) is 404. Query parameters other
 * than the Delivery Directives are ignored (cache busters), and the query of a non-playlist
 * resource is ignored entirely. Directive errors are 400 (RFC 8216bis §6.2.5.2): a malformed or
 * repeated value, or {@code _HLS_part} without {@code _HLS_msn}.
 */
final class HlsRequestParser {
    static final String PREFIX = "/hls/";
    private static final int MAX_PATH = 256;
    private static final int MAX_QUERY = 1024;
    private static final int MAX_DIGITS = 18;

    private HlsRequestParser() {
    }

    static HlsResource parse(String path, String query) {
        if (path == null || path.length() > MAX_PATH || !path.startsWith(PREFIX)) {
            throw HlsRequestException.notFound("path");
        }
        int a = PREFIX.length();
        int b = path.indexOf('/', a);
        if (b < 0 || !Names.valid(path, a, b)) {
            throw HlsRequestException.notFound("broadcast");
        }
        String broadcast = path.substring(a, b);
        int c = path.indexOf('/', b + 1);
        if (c < 0) {
            if (path.substring(b + 1).equals("master.m3u8")) {
                return new HlsResource.Multivariant(broadcast);
            }
            throw HlsRequestException.notFound("resource");
        }
        if (!Names.valid(path, b + 1, c)) {
            throw HlsRequestException.notFound("rendition");
        }
        return renditionResource(broadcast, path.substring(b + 1, c), path.substring(c + 1), query);
    }

    private static HlsResource renditionResource(String broadcast, String rendition, String file, String query) {
        switch (file) {
            case "index.m3u8":
                return new HlsResource.MediaPlaylist(broadcast, rendition, directives(query));
            case "init.mp4":
                return new HlsResource.Init(broadcast, rendition);
            default:
                break;
        }
        if (file.length() > 5 && file.endsWith(".m4s")) {
            long n = canonicalNumber(file, 1, file.length() - 4);
            if (n >= 0 && file.charAt(0) == 'p') {
                return new HlsResource.PartFile(broadcast, rendition, n);
            }
            if (n >= 0 && file.charAt(0) == 's') {
                return new HlsResource.SegmentFile(broadcast, rendition, n);
            }
        }
        throw HlsRequestException.notFound("resource");
    }

    /** The Delivery Directives of a playlist query (RFC 8216bis §6.2.5). */
    static Directives directives(String query) {
        if (query == null || query.isEmpty()) {
            return Directives.NONE;
        }
        if (query.length() > MAX_QUERY) {
            throw HlsRequestException.badRequest("query", "longer than " + MAX_QUERY + " characters");
        }
        String msn = null;
        String part = null;
        String skip = null;
        int from = 0;
        while (from <= query.length()) {
            int end = query.indexOf('&', from);
            end = end < 0 ? query.length() : end;
            int eq = query.indexOf('=', from);
            String name = query.substring(from, eq < 0 || eq > end ? end : eq);
            String value = eq < 0 || eq > end ? "" : query.substring(eq + 1, end);
            switch (name) {
                case "_HLS_msn" -> msn = once(name, msn, value);
                case "_HLS_part" -> part = once(name, part, value);
                case "_HLS_skip" -> skip = once(name, skip, value);
                default -> { }                      // not ours: cache busters and the like
            }
            from = end + 1;
        }
        if (part != null && msn == null) {
            throw HlsRequestException.badRequest("_HLS_part", "requires _HLS_msn");
        }
        return new Directives(msn == null ? -1 : number("_HLS_msn", msn), part == null ? -1 : number("_HLS_part", part),
                skip == null ? Directives.Skip.NO : Directives.Skip.of(skip));
    }

    private static String once(String name, String previous, String value) {
        if (previous != null) {
            throw HlsRequestException.badRequest(name, "given more than once");
        }
        return value;
    }

    /** A decimal-integer (RFC 8216bis §4.2): digits only; more than 18 digits is refused. */
    private static long number(String field, String value) {
        if (value.isEmpty() || value.length() > MAX_DIGITS) {
            throw HlsRequestException.badRequest(field, "a decimal integer of 1 to 18 digits");
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch < '0' || ch > '9') {
                throw HlsRequestException.badRequest(field, "a decimal integer of 1 to 18 digits");
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }

    /** Digits in [from, to) without a leading zero, or -1: one URI per resource. */
    private static long canonicalNumber(String s, int from, int to) {
        int n = to - from;
        if (n < 1 || n > MAX_DIGITS || (n > 1 && s.charAt(from) == '0')) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
