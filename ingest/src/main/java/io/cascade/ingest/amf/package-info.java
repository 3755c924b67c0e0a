// SPDX-License-Identifier: Apache-2.0
/**
 * AMF0, the value encoding of RTMP commands and metadata.
 *
 * <p>{@link io.cascade.ingest.amf.Amf0Value} is a sealed family with one record per wire type;
 * each encodes itself, and {@link io.cascade.ingest.amf.Amf0Decoder} reads any of them back.
 * Decoding is strict where leniency would break the round trip (malformed UTF-8, unknown or
 * unsupported markers, a length beyond the buffer: {@link io.cascade.ingest.amf.Amf0Exception}
 * naming the field) and lenient where real encoders differ (an ECMA array's count is a hint,
 * and its object-end may be missing at the end of a message). Nesting is capped at
 * {@link io.cascade.ingest.amf.Amf0Decoder#MAX_DEPTH} so hostile input cannot exhaust the stack;
 * no decoder allocates more than the bytes it was given justify.
 *
 * <p>Supported markers: number, boolean, string, object, null, undefined, ECMA array, object
 * end, strict array, date, long string. Refused: movieclip and recordset (reserved),
 * reference, unsupported, XML document, typed object and the AVM+ (AMF3) switch; RTMP
 * publishers do not send them in the commands this server reads.
 *
 * <p>Specifications:
 * <ul>
 *   <li>Adobe, Action Message Format -- AMF 0 (December 2007): §2.1 marker table, §2.2 number,
 *       §2.3 boolean, §2.4 string, §2.5 object, §2.7 null, §2.8 undefined, §2.10 ECMA array,
 *       §2.11 object end, §2.12 strict array, §2.13 date, §2.14 long string, §1.3 UTF-8 types.
 * </ul>
 */
package io.cascade.ingest.amf;
