// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

/**
 * What every connection of one server shares: settings, counters, the live keys, the
 * platform's handler and the handshake responder.
 */
record RtmpServerContext(RtmpServerConfig config, RtmpLimits limits, RtmpCounters counters,
        ActivePublishers publishers, RtmpPublishHandler handler, HandshakeResponder responder) {

    static RtmpServerContext of(RtmpServerConfig config, RtmpPublishHandler handler, HandshakeResponder responder) {
        return new RtmpServerContext(config, RtmpLimits.of(config), new RtmpCounters(), new ActivePublishers(),
                handler, responder);
    }
}
