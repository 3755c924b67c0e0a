// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

/**
 * Out-of-band H.264 config as a source hands it over, in either form sources use:
 * an AVCDecoderConfigurationRecord (first byte 1: MP4, FLV, RTMP) or Annex B extradata
 * (SPS/PPS with start codes: MPEG-TS, raw streams). Normalised to Annex B parameter sets for the
 * decoder, plus the NAL length size when the record declares one.
 *
 * @param parameterSets SPS/PPS with 4-byte start codes
 * @param lengthSize    the record's NAL length size, or 0 when the config was Annex B
 */
public record H264SourceConfig(byte[] parameterSets, int lengthSize) {

    public static H264SourceConfig parse(byte[] config) throws MalformedH264Exception {
        if (config.length == 0) {
            throw new MalformedH264Exception("config: empty");
        }
        if (AnnexB.startsWithStartCode(config)) {
            NalWriter w = new NalWriter(config.length + 8);
            AnnexB.forEach(config, w::appendAnnexB);
            return new H264SourceConfig(w.toByteArray(), 0);
        }
        AvcConfigurationRecord record = AvcConfigurationRecord.decode(config);
        return new H264SourceConfig(record.parameterSetsAnnexB(), record.lengthSize());
    }
}
