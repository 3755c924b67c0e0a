// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edge's broadcast copied byte for byte into a directory for nginx: the multivariant playlist,
 * the media playlist, the init section, and every part and segment the media playlist lists, each
 * fetched from the edge over HTTP and written under the same path. What nginx then serves is by
 * construction what the edge serves; {@link #verify} checks it again through nginx.
 *
 * @param bodies every mirrored request target and its bytes, in the order listed
 * @param parts the part targets, oldest first
 * @param segments the whole-segment targets, oldest first
 */
record MirroredBroadcast(Map<String, byte[]> bodies, String master, String playlist, String init, List<String> parts,
        List<String> segments) {
    private static final Pattern URI_ATTR = Pattern.compile("URI=\"([^\"]+)\"");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Fetches the broadcast from {@code port} and writes it under {@code root}. */
    static MirroredBroadcast copy(int port, Path root) throws IOException, InterruptedException {
        String base = "/hls/" + EdgeServerMain.BROADCAST + "/";
        String dir = base + EdgeServerMain.RENDITION + "/";
        String master = base + "master.m3u8";
        String playlist = dir + "index.m3u8";
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put(master, get(port, master));
        byte[] media = get(port, playlist);
        bodies.put(playlist, media);
        String init = null;
        List<String> parts = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        for (String line : new String(media, StandardCharsets.UTF_8).lines().toList()) {
            if (line.startsWith("#EXT-X-MAP:") || line.startsWith("#EXT-X-PART:")) {
                Matcher m = URI_ATTR.matcher(line);
                if (m.find()) {
                    if (line.startsWith("#EXT-X-MAP:")) {
                        init = dir + m.group(1);
                    } else {
                        parts.add(dir + m.group(1));
                    }
                }
            } else if (!line.isBlank() && !line.startsWith("#")) {
                segments.add(dir + line.strip());
            }
        }
        if (init == null || parts.isEmpty() || segments.isEmpty()) {
            throw new IOException("the edge's playlist lists no init section, part or segment:\n"
                    + new String(media, StandardCharsets.UTF_8));
        }
        for (String target : concat(List.of(init), parts, segments)) {
            bodies.put(target, get(port, target));
        }
        for (Map.Entry<String, byte[]> e : bodies.entrySet()) {
            Path file = root.resolve(e.getKey().substring(1));
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        return new MirroredBroadcast(bodies, master, playlist, init, List.copyOf(parts), List.copyOf(segments));
    }

    /** Body lengths by target, for the load generator's check. */
    Map<String, Integer> lengths() {
        Map<String, Integer> m = new LinkedHashMap<>();
        bodies.forEach((k, v) -> m.put(k, v.length));
        return m;
    }

    long totalBytes() {
        return bodies.values().stream().mapToLong(b -> b.length).sum();
    }

    /** Targets whose body from {@code port} differs from the edge's (empty when all match). */
    List<String> verify(int port) throws IOException, InterruptedException {
        List<String> differ = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : bodies.entrySet()) {
            if (!Arrays.equals(e.getValue(), get(port, e.getKey()))) {
                differ.add(e.getKey());
            }
        }
        return differ;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    private static byte[] get(int port, String target) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + target + " answered " + r.statusCode());
        }
        return r.body();
    }
}
