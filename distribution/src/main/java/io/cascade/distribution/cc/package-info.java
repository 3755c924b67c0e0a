// SPDX-License-Identifier: Apache-2.0
/**
 * Send-side congestion control toward WebRTC viewers: the relay stamps a transport-wide sequence
 * number into every RTP packet it sends a viewer (draft-holmer-rmcat-transport-wide-cc-extensions-01),
 * remembers when it sent each ({@link io.cascade.distribution.cc.SendHistory}), reads the viewer's
 * transport-cc feedback and estimates the viewer's downlink from the growth of one-way delay, in
 * the manner of Google congestion control (draft-ietf-rmcat-gcc-02 §5): packet groups
 * ({@link io.cascade.distribution.cc.InterGroupDelay}), a trendline of the accumulated delay
 * variation ({@link io.cascade.distribution.cc.TrendlineFilter}), an over-use detector with an
 * adaptive threshold ({@link io.cascade.distribution.cc.OveruseDetector}) and an AIMD rate
 * controller bounded by the acknowledged bitrate ({@link io.cascade.distribution.cc.AimdRateControl},
 * {@link io.cascade.distribution.cc.AckedBitrate}). {@link io.cascade.distribution.cc.TransportCcSender}
 * puts them together for one viewer's transport. Everything runs on the shard thread, allocates
 * nothing per packet, and takes time from its caller.
 */
package io.cascade.distribution.cc;
