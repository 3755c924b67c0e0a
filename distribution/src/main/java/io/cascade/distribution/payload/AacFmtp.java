// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code a=fmtp} value of an {@code mpeg4-generic} AAC stream in the AAC-hbr mode (RFC 3640
 * §3.3.6, parameters §4.1), e.g.
 * {@code streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=1210}.
 * AAC-hbr fixes the AU header to a 13-bit AU-size and a 3-bit AU-Index (AU-Index-delta), with no
 * CTS, DTS or other optional fields, which is what {@link AacPacketizer} and
 * {@link AacDepacketizer} read and write.
 *
 * <p>Parsing follows what senders write: parameter names are case-insensitive ({@code sizeLength}
 * and {@code sizelength} both occur), whitespace around parameters is ignored, unknown parameters
 * (bitrate, objectType, constantDuration, ...) are skipped. {@code streamtype} may be absent but
 * must be 5 (audio) when present; {@code sizelength}, {@code indexlength} and
 * {@code indexdeltalength} may be absent (AAC-hbr implies them) but must have the AAC-hbr values
 * when present; optional AU header fields must be absent or 0. {@code mode},
 * {@code profile-level-id} and {@code config} are required.
 *
 * <p>The config array is not copied; equality compares contents.
 *
 * @param profileLevelId audioProfileLevelIndication (ISO/IEC 14496-3), 0..255, in decimal
 * @param config         the AudioSpecificConfig octets, as the encoder wrote them; not empty
 */
public record AacFmtp(int profileLevelId, byte[] config) {
    /** The mode this package implements. */
    public static final String MODE = "AAC-hbr";
    /** streamType of an audio stream (ISO/IEC 14496-1 Table 6). */
    public static final int STREAM_TYPE_AUDIO = 5;
    /** AAC-hbr: bits of AU-size. */
    public static final int SIZE_LENGTH = 13;
    /** AAC-hbr: bits of AU-Index. */
    public static final int INDEX_LENGTH = 3;
    /** AAC-hbr: bits of AU-Index-delta. */
    public static final int INDEX_DELTA_LENGTH = 3;
    /** profile-level-id FFmpeg's SDP writer puts for AAC. */
    public static final int DEFAULT_PROFILE_LEVEL_ID = 1;
    /** Optional AU header fields (§4.1) that AAC-hbr leaves out: present only with value 0. */
    private static final String[] ABSENT_FIELDS = {"ctsdeltalength", "dtsdeltalength", "randomaccessindication",
        "streamstateindication", "auxiliarydatasizelength"};
    private static final int MAX_NUMBER_DIGITS = 9;

    public AacFmtp {
        if (profileLevelId < 0 || profileLevelId > 255) {
            throw new IllegalArgumentException("profile-level-id must be 0..255: " + profileLevelId);
        }
        if (config.length == 0) {
            throw new IllegalArgumentException("config must not be empty");
        }
    }

    /** The parameters for a config, with {@link #DEFAULT_PROFILE_LEVEL_ID}. */
    public static AacFmtp of(AudioSpecificConfig config) {
        return new AacFmtp(DEFAULT_PROFILE_LEVEL_ID, config.encode());
    }

    /** The {@code a=fmtp} value, parameters in the order of RFC 3640's examples, hex in lower case. */
    public String format() {
        return "streamtype=" + STREAM_TYPE_AUDIO + ";profile-level-id=" + profileLevelId + ";mode=" + MODE
                + ";sizelength=" + SIZE_LENGTH + ";indexlength=" + INDEX_LENGTH + ";indexdeltalength="
                + INDEX_DELTA_LENGTH + ";config=" + HexFormat.of().formatHex(config);
    }

    /**
     * Parses an {@code a=fmtp} value (the part after the payload type).
     *
     * @throws PayloadFormatException naming the parameter that is missing, repeated or invalid
     */
    public static AacFmtp parse(String value) {
        Map<String, String> parameters = new HashMap<>();
        for (String part : value.split(";", -1)) {
            String parameter = part.strip();
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                throw new PayloadFormatException(parameter, "parameter without a name=value form");
            }
            String name = parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            if (parameters.put(name, parameter.substring(equals + 1).strip()) != null) {
                throw new PayloadFormatException(name, "given twice");
            }
        }
        if (parameters.containsKey("streamtype")) {
            expect(parameters, "streamtype", STREAM_TYPE_AUDIO);
        }
        String mode = parameters.get("mode");
        if (mode == null || !mode.equalsIgnoreCase(MODE)) {
            throw new PayloadFormatException("mode", mode == null ? "missing" : "only AAC-hbr is supported, got " + mode);
        }
        expectIfPresent(parameters, "sizelength", SIZE_LENGTH);
        expectIfPresent(parameters, "indexlength", INDEX_LENGTH);
        expectIfPresent(parameters, "indexdeltalength", INDEX_DELTA_LENGTH);
        for (String field : ABSENT_FIELDS) {
            expectIfPresent(parameters, field, 0);
        }
        int profileLevelId = number(parameters, "profile-level-id");
        if (profileLevelId > 255) {
            throw new PayloadFormatException("profile-level-id", "must be 0..255, got " + profileLevelId);
        }
        return new AacFmtp(profileLevelId, hex(parameters.get("config")));
    }

    /** The config parsed; see {@link AudioSpecificConfig#decode}. */
    public AudioSpecificConfig audioSpecificConfig() {
        return AudioSpecificConfig.decode(config);
    }

    private static void expectIfPresent(Map<String, String> parameters, String name, int expected) {
        if (parameters.containsKey(name)) {
            expect(parameters, name, expected);
        }
    }

    private static void expect(Map<String, String> parameters, String name, int expected) {
        int actual = number(parameters, name);
        if (actual != expected) {
            throw new PayloadFormatException(name, "must be " + expected + " in AAC-hbr mode, got " + actual);
        }
    }

    /** A decimal number of at most 9 digits, so it fits an int. */
    private static int number(Map<String, String> parameters, String name) {
        String text = parameters.get(name);
        if (text == null) {
            throw new PayloadFormatException(name, "missing");
        }
        if (text.isEmpty() || text.length() > MAX_NUMBER_DIGITS || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new PayloadFormatException(name, "not a decimal number: " + text);
        }
        return Integer.parseInt(text);
    }

    private static byte[] hex(String text) {
        if (text == null) {
            throw new PayloadFormatException("config", "missing");
        }
        if (text.isEmpty() || text.length() % 2 != 0) {
            throw new PayloadFormatException("config", "needs a non-empty, even number of hex digits: " + text);
        }
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new PayloadFormatException("config", "not hex: " + text);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AacFmtp f && profileLevelId == f.profileLevelId && Arrays.equals(config, f.config);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profileLevelId) ^ Arrays.hashCode(config);
    }

    @Override
    public String toString() {
        return "AacFmtp[" + format() + "]";
    }
}
