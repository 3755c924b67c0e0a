// SPDX-License-Identifier: Apache-2.0
/**
 * Media taps: how a service next to a relay (ingest, transcode, the HLS packager, recording)
 * feeds a stream into it or takes one out, as plain RTP over UDP (RFC 3550) like any other
 * publisher or subscriber, so the same code works in one JVM and across pods.
 *
 * <p>{@link io.cascade.distribution.tap.RtpTapPublisher} registers a stream's tracks and sends
 * RTP; keyframe requests the relay sends back (PLI, FIR: RFC 4585 §6.3.1, RFC 5104 §4.3.1)
 * reach its listener. {@link io.cascade.distribution.tap.RtpTapSubscriber} subscribes, hands each
 * RTP packet to a consumer on its own thread, sends receiver reports so the relay keeps it, and
 * can ask for a keyframe, and passes on the sender reports it gets. {@link
 * io.cascade.distribution.tap.SenderReportSchedule} sends a published track's sender reports, so
 * that subscribers can put tracks on the publisher's common clock.
 */
package io.cascade.distribution.tap;
