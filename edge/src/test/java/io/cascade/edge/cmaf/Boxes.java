// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only ISO BMFF reader (ISO/IEC 14496-12 §4.2): splits bytes into boxes and descends into
 * the container boxes the writer produces, so tests can check each field where the spec puts it.
 */
public record Boxes(String type, int offset, int size, byte[] file, List<Boxes> children) {
    private static final List<String> CONTAINERS = List.of("moov", "trak", "mdia", "minf", "dinf", "stbl", "mvex",
            "moof", "traf");

    /** Top-level boxes of a file. */
    public static List<Boxes> parse(byte[] file) {
        return parse(file, 0, file.length);
    }

    static List<Boxes> parse(byte[] file, int from, int to) {
        List<Boxes> boxes = new ArrayList<>();
        int pos = from;
        while (pos + 8 <= to) {
            int size = ByteBuffer.wrap(file, pos, 4).getInt();
            String type = new String(file, pos + 4, 4, StandardCharsets.US_ASCII);
            if (size < 8 || pos + size > to) {
                throw new IllegalStateException("bad box " + type + " size " + size + " at " + pos);
            }
            List<Boxes> children = CONTAINERS.contains(type) ? parse(file, pos + 8, pos + size) : List.of();
            boxes.add(new Boxes(type, pos, size, file, children));
            pos += size;
        }
        if (pos != to) {
            throw new IllegalStateException((to - pos) + " trailing bytes at " + pos);
        }
        return boxes;
    }

    /** The first box along a path such as {@code "moov/trak/mdia/mdhd"}. */
    public static Boxes find(List<Boxes> boxes, String path) {
        String[] parts = path.split("/", 2);
        for (Boxes b : boxes) {
            if (b.type.equals(parts[0])) {
                return parts.length == 1 ? b : find(b.children, parts[1]);
            }
        }
        throw new AssertionError("no box " + path + " among " + boxes.stream().map(Boxes::type).toList());
    }

    public static List<Boxes> all(List<Boxes> boxes, String type) {
        return boxes.stream().filter(b -> b.type.equals(type)).toList();
    }

    public Boxes find(String path) {
        return find(children, path);
    }

    /** The payload after the 8-byte header, as a big-endian buffer. */
    public ByteBuffer payload() {
        return ByteBuffer.wrap(file, offset + 8, size - 8).slice();
    }

    public byte[] payloadBytes() {
        byte[] out = new byte[size - 8];
        System.arraycopy(file, offset + 8, out, 0, out.length);
        return out;
    }

    /** FullBox version. */
    public int version() {
        return file[offset + 8] & 0xFF;
    }

    /** FullBox flags. */
    public int flags() {
        return ((file[offset + 9] & 0xFF) << 16) | ((file[offset + 10] & 0xFF) << 8) | (file[offset + 11] & 0xFF);
    }

    public static String fourcc(ByteBuffer b) {
        byte[] t = new byte[4];
        b.get(t);
        return new String(t, StandardCharsets.US_ASCII);
    }

    public static byte[] hex(String hex) {
        String h = hex.replaceAll("[^0-9a-fA-F]", "");
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
