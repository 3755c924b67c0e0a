// SPDX-License-Identifier: Apache-2.0
/**
 * CMAF / fragmented MP4 writer for the LL-HLS packager: init segments ({@code ftyp} + {@code moov})
 * and fragments ({@code [styp] moof mdat}) built from already depacketized samples.
 *
 * <p>Specifications:
 * <ul>
 *   <li>ISO/IEC 14496-12 (ISO base media file format): box layout, sections cited per box.</li>
 *   <li>ISO/IEC 14496-15 §5.3.3.1 (AVCDecoderConfigurationRecord), §5.4.2.1 ({@code avc1}/{@code avcC}).</li>
 *   <li>ISO/IEC 14496-14 §5.6 ({@code esds}), ISO/IEC 14496-1 §7.2.6 (ES_Descriptor and its children),
 *       ISO/IEC 14496-3 §1.6.2.1 (AudioSpecificConfig).</li>
 *   <li>ISO/IEC 23000-19 (CMAF): brands {@code cmfc} / {@code cmfs}, one track per CMAF track file.</li>
 *   <li>"Encapsulation of Opus in ISO Base Media File Format" ({@code Opus}, {@code dOps});
 *       RFC 7845 §5.1 (the identification header dOps mirrors); RFC 6716 §3.1 (TOC byte).</li>
 *   <li>RFC 6381 §3.3 and ISO/IEC 14496-15 Annex E: {@code CODECS} strings ({@code avc1.PPCCLL}).</li>
 * </ul>
 *
 * <p>Timescales: video is always 90 kHz; AAC uses its sampling rate; Opus uses 48 kHz.
 */
package io.cascade.edge.cmaf;
