// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import io.cascade.distribution.relay.MediaLink;
import io.cascade.distribution.relay.PeerDemux;
import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The WebRTC side of one relay shard's socket, on the shard's thread (RFC 7983 §7):
 * <ol>
 *   <li>first octet 0..3: STUN, answered by the shared {@link IceLite}; a valid check binds the
 *       sender's address to its session (the browser may check several pairs; the nominated
 *       one, RFC 8445 §8.1.1, becomes where we send);
 *   <li>20..63: DTLS, handed to the session bound to the sender;
 *   <li>128..191 (the shard's own path): SRTP/SRTCP from a bound address goes through that
 *       session's {@link MediaLink}; the relay then sees plain RTP.
 * </ol>
 * Anything else, and DTLS from an unbound address, is not ours: the shard counts it as garbage.
 */
final class WebRtcPort implements PeerDemux {
    private static final Logger LOG = Logger.getLogger(WebRtcPort.class);

    final UdpSocket socket;
    private final WebRtcGateway gateway;
    private final Map<InetSocketAddress, WebRtcSession> byAddress = new HashMap<>();
    private final Map<String, WebRtcSession> sessions = new HashMap<>();

    WebRtcPort(UdpSocket socket, WebRtcGateway gateway) {
        this.socket = socket;
        this.gateway = gateway;
    }

    @Override
    public boolean onOther(ByteBuf datagram, InetSocketAddress sender) {
        int first = datagram.isReadable() ? datagram.getUnsignedByte(datagram.readerIndex()) : -1;
        if (first >= 0 && first <= 3) {
            return onStun(datagram, sender);
        }
        if (first >= 20 && first <= 63) {
            WebRtcSession s = byAddress.get(sender);
            if (s == null || s.dtls == null) {
                gateway.counters.dtlsUnbound.increment();
                return false;
            }
            byte[] bytes = ByteBufUtil.getBytes(datagram);
            s.dtls.receive(bytes, 0, bytes.length);
            return true;
        }
        return false;
    }

    private boolean onStun(ByteBuf datagram, InetSocketAddress sender) {
        byte[] bytes = ByteBufUtil.getBytes(datagram);
        IceLite.Result r = gateway.ice.handle(bytes, 0, bytes.length, sender);
        gateway.counters.stun(r.outcome());
        if (r.response() != null) {
            socket.send(socket.alloc().directBuffer(r.response().length).writeBytes(r.response()), sender);
        }
        if (r.outcome() != IceLite.Outcome.ANSWERED) {
            return r.outcome() != IceLite.Outcome.MALFORMED;
        }
        if (r.session().owner() instanceof WebRtcSession s) {
            checked(s, sender, r.nominated());
        }
        return true;
    }

    /** A valid check for {@code s} came from {@code from} to this socket. */
    private void checked(WebRtcSession s, InetSocketAddress from, boolean nominated) {
        if (s.port != this || s.state == WebRtcSession.State.CLOSED) {
            return; // a check for a session of another shard's port: answered, not bound here
        }
        WebRtcSession previous = byAddress.put(from, s);
        if (previous != null && previous != s) {
            closeOnThread(previous, "its address was taken over by another session");
        }
        if (s.remote == null || (nominated && !from.equals(s.remote))) {
            if (s.remote != null) {
                LOG.debugf("%s: nominated %s (was %s)", s, from, s.remote);
            }
            s.remote = from;
            gateway.remoteChanged(s);
        }
    }

    /** Shard thread: start serving a new session. */
    void add(WebRtcSession s) {
        sessions.put(s.id, s);
    }

    /** The DTLS session's datagrams, from its own thread, leave from this socket. */
    void sendFromDtls(WebRtcSession s, byte[] datagram) {
        socket.executor().execute(() -> {
            InetSocketAddress to = s.remote;
            if (to == null || s.state == WebRtcSession.State.CLOSED) {
                return;
            }
            socket.send(socket.alloc().directBuffer(datagram.length).writeBytes(datagram), to);
            socket.flush();
        });
    }

    @Override
    public MediaLink linkOf(InetSocketAddress sender) {
        return byAddress.isEmpty() ? null : byAddress.get(sender);
    }

    @Override
    public void tick(long nowMs) {
        if (sessions.isEmpty()) {
            return;
        }
        List<WebRtcSession> expired = null;
        for (WebRtcSession s : sessions.values()) {
            if (s.twcc != null && s.state == WebRtcSession.State.SECURE && nowMs - s.lastFeedbackMs >= FEEDBACK_INTERVAL_MS) {
                s.lastFeedbackMs = nowMs;
                sendTransportFeedback(s);
            }
            String why = gateway.expiry(s, nowMs);
            if (why != null) {
                (expired == null ? expired = new ArrayList<>() : expired).add(s);
                s.closeReason = why;
            }
        }
        if (expired != null) {
            for (WebRtcSession s : expired) {
                closeOnThread(s, s.closeReason);
            }
        }
    }

    /** Transport-cc feedback this often: Chromium's own receivers send it every 50-100 ms. */
    static final long FEEDBACK_INTERVAL_MS = Long.getLong("cascade.twcc.interval", 50);

    private void sendTransportFeedback(WebRtcSession s) {
        io.cascade.distribution.rtcp.TransportFeedback fb = s.twcc.feedback(s.feedbackSenderSsrc, s.feedbackMediaSsrc);
        if (fb == null || s.remote == null) {
            return;
        }
        int room = fb.encodedLength() + s.tailroom();
        ByteBuf out = socket.alloc().directBuffer(room, room);
        fb.encode(out);
        if (s.protectRtcp(out)) {
            socket.send(out, s.remote);
            gateway.counters.feedbackSent.increment();
        } else {
            out.release();
        }
    }

    /** Shard thread: forget the session's addresses and keys, then let the gateway tidy up. */
    void closeOnThread(WebRtcSession s, String reason) {
        if (sessions.remove(s.id) == null) {
            return;
        }
        byAddress.values().removeIf(v -> v == s);
        s.unkey();
        gateway.ended(s, reason);
    }

    int sessionCount() {
        return sessions.size();
    }
}
