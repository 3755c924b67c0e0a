// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.program;

import io.cascade.distribution.payload.AvcDecoderConfigurationRecord;
import io.cascade.distribution.payload.H264Nal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The still picture and the silence the program carries while no source is live, encoded once
 * (resources {@code slate/}, see the README there): an H.264 IDR in AVCC form (4-octet lengths)
 * with its AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1), and one raw AAC-LC frame of
 * silence per channel layout (ADTS, ISO/IEC 14496-3 §1.A.2, stripped of its header).
 * {@link #none()} is the null object: no slate, viewers keep the last frame.
 */
public final class Slate {
    private static final Slate NONE = new Slate(null, null, null, null);

    private final byte[] avcC;
    private final byte[] picture;
    private final byte[] silenceMono;
    private final byte[] silenceStereo;

    private Slate(byte[] avcC, byte[] picture, byte[] silenceMono, byte[] silenceStereo) {
        this.avcC = avcC;
        this.picture = picture;
        this.silenceMono = silenceMono;
        this.silenceStereo = silenceStereo;
    }

    public static Slate none() {
        return NONE;
    }

    /** The slate shipped in this module ("We will be right back", 1280x720). */
    public static Slate standard() {
        return of(resource("slate.h264"), resource("silence-mono.aac"), resource("silence-stereo.aac"));
    }

    /**
     * @param annexB     one IDR access unit with its SPS and PPS, Annex B
     * @param adtsMono   ADTS frames of mono silence: the last is used
     * @param adtsStereo ADTS frames of stereo silence: the last is used
     */
    public static Slate of(byte[] annexB, byte[] adtsMono, byte[] adtsStereo) {
        List<byte[]> sps = new ArrayList<>();
        List<byte[]> pps = new ArrayList<>();
        List<byte[]> rest = new ArrayList<>();
        for (byte[] nal : H264Nal.splitAnnexB(annexB)) {
            switch (H264Nal.type(nal)) {
                case H264Nal.SPS -> sps.add(nal);
                case H264Nal.PPS -> pps.add(nal);
                default -> rest.add(nal);
            }
        }
        if (!H264Nal.containsIdr(rest)) {
            throw new IllegalArgumentException("the slate picture must be an IDR");
        }
        return new Slate(AvcDecoderConfigurationRecord.of(sps, pps).encode(), H264Nal.joinAvcc(rest, 4),
                lastAdtsFrame(adtsMono), lastAdtsFrame(adtsStereo));
    }

    public boolean isNone() {
        return this == NONE;
    }

    byte[] videoConfig() {
        return avcC;
    }

    byte[] picture() {
        return picture;
    }

    /** A silent frame for this channel configuration (1 or 2), or null for any other layout. */
    byte[] silence(int channelConfiguration) {
        return switch (channelConfiguration) {
            case 1 -> silenceMono;
            case 2 -> silenceStereo;
            default -> null;
        };
    }

    /** The payload of the last frame of an ADTS stream (header: 7 octets, 9 with CRC; length in bits 30-42). */
    static byte[] lastAdtsFrame(byte[] adts) {
        byte[] last = null;
        int at = 0;
        while (at + 7 <= adts.length) {
            if ((adts[at] & 0xFF) != 0xFF || (adts[at + 1] & 0xF0) != 0xF0) {
                throw new IllegalArgumentException("ADTS syncword missing at " + at);
            }
            int header = (adts[at + 1] & 0x01) != 0 ? 7 : 9; // protection_absent
            int length = ((adts[at + 3] & 0x03) << 11) | ((adts[at + 4] & 0xFF) << 3) | ((adts[at + 5] & 0xE0) >> 5);
            if (length < header || at + length > adts.length) {
                throw new IllegalArgumentException("ADTS frame_length " + length + " at " + at);
            }
            last = java.util.Arrays.copyOfRange(adts, at + header, at + length);
            at += length;
        }
        if (last == null) {
            throw new IllegalArgumentException("no ADTS frame");
        }
        return last;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Slate.class.getResourceAsStream("slate/" + name)) {
            if (in == null) {
                throw new IllegalStateException("resource slate/" + name + " is missing from the ingest jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
