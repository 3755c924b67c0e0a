// SPDX-License-Identifier: Apache-2.0
/**
 * WHEP playback of a broadcast's renditions: which rendition a viewer gets by default, from the
 * bandwidth its offer declares (RFC 8866 §5.8 {@code b=AS}, RFC 3890 {@code b=TIAS}), and how a
 * rendition stream's catalog description becomes what the WebRTC gateway offers browsers (H.264
 * and Opus; the AAC track stays for HLS only).
 */
package io.cascade.edge.whep;
