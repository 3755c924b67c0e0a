// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.cascade.distribution.rtcp.RtcpMux;
import io.cascade.distribution.udp.DatagramHandler;
import io.cascade.distribution.udp.UdpSocket;
import io.netty.buffer.ByteBuf;
import io.netty.util.collection.IntObjectHashMap;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jboss.logging.Logger;

/**
 * The streams of one UDP socket, all confined to the socket's thread: the datagram entry point
 * (RTP to {@link Forwarder}, RTCP to {@link Feedback}), the registry of sources and subscribers by
 * SSRC, and the timer work ({@link #tick}). Control calls must run on {@link UdpSocket#executor()};
 * {@link RelayNode} hands them over.
 */
public final class RelayShard implements DatagramHandler {
    private static final Logger LOG = Logger.getLogger(RelayShard.class);

    final int index;
    final UdpSocket socket;
    final RelayConfig config;
    final RelayListener listener;
    final InstantSource clock;
    final ShardCounters counters = new ShardCounters();
    final Forwarder forwarder;
    final Feedback feedback;
    final Reports reports;
    final SegmentBatcher batcher;
    final IntObjectHashMap<RelayStream> bySourceSsrc = new IntObjectHashMap<>();
    final IntObjectHashMap<Subscriber> byOutputSsrc = new IntObjectHashMap<>();
    final IntObjectHashMap<RelayStream> streamOfSubscriber = new IntObjectHashMap<>();
    private final Map<StreamName, RelayStream> streams = new HashMap<>();
    /** Streams by their secured publisher, to place packets with SSRCs not announced (simulcast by rid). */
    private final Map<MediaLink, RelayStream> byLink = new java.util.IdentityHashMap<>();
    /** How often subscribers' simulcast layers are chosen again. */
    static final long LAYER_CHOICE_MS = 500;
    /** Subscribers by destination: any RTCP from that address keeps them alive, in O(1) per compound. */
    private final Map<InetSocketAddress, Downlink> byDestination = new HashMap<>();
    private final SplittableRandom random;
    /** The WebRTC side of this socket, or null on a plain relay (tier links only). */
    private PeerDemux peers;
    private long nextSubscriber;

    RelayShard(int index, UdpSocket socket, RelayConfig config, RelayListener listener, InstantSource clock, long seed) {
        this.index = index;
        this.socket = socket;
        this.config = config;
        this.listener = listener;
        this.clock = clock;
        this.random = new SplittableRandom(seed);
        this.forwarder = new Forwarder(this);
        this.feedback = new Feedback(this);
        this.reports = new Reports(this);
        this.batcher = new SegmentBatcher(socket, counters);
    }

    @Override
    public void onDatagram(ByteBuf datagram, InetSocketAddress sender, UdpSocket via) {
        try {
            // RFC 7983 §7: the first octet tells RTP/RTCP (128..191) from STUN, DTLS and the rest
            if (!RtcpMux.isRtpOrRtcp(datagram)) {
                if (peers == null || !peers.onOther(datagram, sender)) {
                    counters.notRtp++;
                }
                return;
            }
            boolean rtcp = RtcpMux.isRtcp(datagram);
            MediaLink link = peers == null ? null : peers.linkOf(sender);
            if (link != null && !(rtcp ? link.unprotectRtcp(datagram) : link.unprotectRtp(datagram))) {
                counters.secureDropped++;
                return;
            }
            long now = clock.millis();
            if (rtcp) {
                feedback.onRtcp(datagram, sender, now);
            } else {
                forwarder.onRtp(datagram, sender, link, now);
            }
        } catch (RuntimeException e) {
            if (counters.errors++ % 1000 == 0) {
                LOG.errorf(e, "relay shard %d: unexpected error on a datagram from %s", index, sender);
            }
        }
    }

    /** The receive batch is over: the fan-out's gathered GSO runs leave now, before the engine flushes. */
    @Override
    public void onBatchEnd(UdpSocket via) {
        try {
            batcher.batchEnd();
        } catch (RuntimeException e) {
            if (counters.errors++ % 1000 == 0) {
                LOG.errorf(e, "relay shard %d: unexpected error at the end of a receive batch", index);
            }
        }
    }

    // ---- control (shard thread)

    PublishInfo publish(StreamName name, InetSocketAddress source, List<TrackSpec> specs) {
        return publish(name, source, specs, null);
    }

    PublishInfo publish(StreamName name, InetSocketAddress source, List<TrackSpec> specs, MediaLink link) {
        return publish(name, source, specs, null, link);
    }

    /**
     * {@code layers}: per track its simulcast place (null: none). A layer announced by rid has
     * SSRC 0 in its spec until its first packet names it ({@link #learnSsrc}).
     */
    PublishInfo publish(StreamName name, InetSocketAddress source, List<TrackSpec> specs, List<LayerSpec> layers,
                        MediaLink link) {
        long now = clock.millis();
        RelayStream stream = streams.get(name);
        checkSsrcsFree(specs, stream);
        if (stream == null) {
            StreamTrack[] tracks = new StreamTrack[specs.size()];
            for (int i = 0; i < tracks.length; i++) {
                tracks[i] = new StreamTrack(i, specs.get(i), config);
            }
            stream = new RelayStream(name, nonZeroSsrc(), source, tracks);
            stream.layout(layers);
            streams.put(name, stream);
        } else {
            switchSource(stream, source, specs, now);
        }
        if (stream.sourceLink != null && stream.sourceLink != link) {
            byLink.remove(stream.sourceLink);
        }
        stream.sourceLink = link;
        if (link != null) {
            byLink.put(link, stream);
        }
        for (TrackSpec t : specs) {
            register(t, stream);
        }
        return new PublishInfo(name, socket.localAddress());
    }

    /** A new source for an existing stream: subscribers continue seamlessly after a keyframe. */
    private void switchSource(RelayStream stream, InetSocketAddress source, List<TrackSpec> specs, long now) {
        if (specs.size() != stream.tracks.length) {
            throw new IllegalArgumentException("stream " + stream.name + " has " + stream.tracks.length
                    + " tracks; a new source must bring the same, got " + specs.size());
        }
        unregisterSource(stream);
        stream.source = source;
        stream.silent = false;
        for (StreamTrack t : stream.tracks) {
            t.resetSource(specs.get(t.index));
            for (Subscriber s : stream.subscribers) {
                s.outputs[t.index].sourceChanged();
            }
            requestKeyframe(stream, t.index, now);
        }
    }

    private void register(TrackSpec t, RelayStream stream) {
        if (t.ssrc() != 0) {
            bySourceSsrc.put(t.ssrc(), stream);
        }
        if (t.hasRtx() && t.rtxSsrc() != 0) {
            bySourceSsrc.put(t.rtxSsrc(), stream);
        }
    }

    /**
     * A packet from a secured publisher with an SSRC not seen yet: its link names the track (a
     * simulcast layer by rid), and the SSRC is bound to it from now on. Once per new SSRC.
     *
     * @return the stream, or null when the packet cannot be placed
     */
    RelayStream learnSsrc(io.cascade.distribution.rtp.RtpPacket packet, MediaLink link) {
        RelayStream stream = byLink.get(link);
        int code = stream == null ? -1 : link.identify(packet);
        if (code == -1) {
            return null;
        }
        boolean rtx = code < -1;
        int index = rtx ? -2 - code : code;
        if (index >= stream.tracks.length) {
            return null;
        }
        StreamTrack t = stream.tracks[index];
        TrackSpec s = t.spec;
        int ssrc = packet.ssrc();
        if ((rtx ? s.rtxSsrc() : s.ssrc()) != 0 || bySourceSsrc.containsKey(ssrc)) {
            return null; // that track already has its SSRC
        }
        t.spec = rtx ? s.withRtx(ssrc, s.rtxPayloadType())
                : new TrackSpec(s.kind(), ssrc, s.payloadType(), s.clockRate(), s.rtxSsrc(), s.rtxPayloadType(), s.nack());
        bySourceSsrc.put(ssrc, stream);
        counters.ssrcsLearned++;
        return stream;
    }

    private void checkSsrcsFree(List<TrackSpec> specs, RelayStream replacing) {
        for (TrackSpec t : specs) {
            if (t.ssrc() == 0) {
                continue;
            }
            RelayStream owner = bySourceSsrc.get(t.ssrc());
            if (owner != null && owner != replacing) {
                throw new IllegalArgumentException("SSRC " + Integer.toUnsignedString(t.ssrc()) + " is already published as " + owner.name);
            }
        }
    }

    private void unregisterSource(RelayStream stream) {
        for (StreamTrack t : stream.tracks) {
            if (t.spec.ssrc() != 0 && bySourceSsrc.get(t.spec.ssrc()) == stream) {
                bySourceSsrc.remove(t.spec.ssrc());
            }
            if (t.spec.hasRtx() && t.spec.rtxSsrc() != 0 && bySourceSsrc.get(t.spec.rtxSsrc()) == stream) {
                bySourceSsrc.remove(t.spec.rtxSsrc());
            }
        }
    }

    Subscription subscribe(StreamName name, InetSocketAddress destination, int[] rtxPayloadTypes) {
        return subscribe(name, destination, rtxPayloadTypes, null);
    }

    Subscription subscribe(StreamName name, InetSocketAddress destination, int[] rtxPayloadTypes, MediaLink link) {
        return subscribe(name, destination, rtxPayloadTypes, link, false);
    }

    /**
     * {@code allLayers}: every track on its own output, layers included, and no layer choice (a
     * relay of the next tier, which chooses per viewer of its own); the answer then carries the
     * stream's layout. Otherwise a layered group shares one output, which carries one layer.
     */
    Subscription subscribe(StreamName name, InetSocketAddress destination, int[] rtxPayloadTypes, MediaLink link,
                           boolean allLayers) {
        RelayStream stream = streams.get(name);
        if (stream == null) {
            throw new java.util.NoSuchElementException("no stream " + name + " on this node");
        }
        long now = clock.millis();
        int n = stream.tracks.length;
        int[] rtx = rtxPayloadTypes == null ? new int[n] : rtxPayloadTypes.clone();
        if (rtxPayloadTypes == null) {
            java.util.Arrays.fill(rtx, -1);
        } else if (rtx.length != n) {
            throw new IllegalArgumentException("rtx payload types: one per track (" + n + "), got " + rtx.length);
        }
        OutputTrack[] outputs = new OutputTrack[n];
        List<TrackSpec> specs = new ArrayList<>(n);
        int[] groupOf = new int[n];
        for (int i = 0; i < n; i++) {
            TrackSpec src = stream.tracks[i].spec;
            groupOf[i] = allLayers ? i : stream.group[i];
            if (groupOf[i] != i) { // a higher simulcast layer: the group's output carries it
                outputs[i] = outputs[groupOf[i]];
                specs.add(specs.get(groupOf[i]));
                continue;
            }
            int rtxSsrc = rtx[i] >= 0 ? chosenSsrc(link == null ? 0 : link.rtxSsrc(i)) : 0;
            int ssrc = chosenSsrc(link == null ? 0 : link.ssrc(i));
            outputs[i] = new OutputTrack(ssrc, rtxSsrc, src.clockRate(), random.nextInt(1 << 16), random.nextInt());
            specs.add(new TrackSpec(src.kind(), outputs[i].ssrc, src.payloadType(), src.clockRate(), rtxSsrc, rtx[i], true));
        }
        Subscriber s = new Subscriber(index | (++nextSubscriber << 8), destination, rtx, outputs, now, link,
                groupOf, allLayers);
        if (link != null) {
            s.estimate.start(link.startKbps());
        }
        for (int g = 0; g < n && !allLayers; g++) {
            if (stream.layersOf[g] != null) {
                s.current[g] = -1; // nothing until the chosen layer's next keyframe
                s.target[g] = firstLayer(stream, stream.layersOf[g], s, now);
            }
        }
        for (int i = 0; i < n; i++) {
            if (groupOf[i] != i) {
                continue; // a layer on its group's output, indexed with it
            }
            OutputTrack o = outputs[i];
            byOutputSsrc.put(o.ssrc, s);
            streamOfSubscriber.put(o.ssrc, stream);
            if (o.rtxSsrc != 0) {
                byOutputSsrc.put(o.rtxSsrc, s);
                streamOfSubscriber.put(o.rtxSsrc, stream);
            }
        }
        stream.addSubscriber(s);
        s.downlink = byDestination.computeIfAbsent(destination, Downlink::new);
        s.downlink.subscribers.add(s);
        for (StreamTrack t : stream.tracks) {
            if (t.spec.kind() == MediaKind.VIDEO) {
                requestKeyframe(stream, t.index, now); // a joiner needs a keyframe to start decoding
            }
        }
        return new Subscription(s.id, name, socket.localAddress(), specs, allLayers ? stream.layout : null);
    }

    /**
     * A joiner's first layer: the one its estimate affords among the layers measured so far
     * (its start hint, {@link MediaLink#startKbps}, or the default), else the top one.
     */
    private int firstLayer(RelayStream stream, int[] layers, Subscriber s, long nowMs) {
        int[] kbps = new int[layers.length];
        long[] last = new long[layers.length];
        boolean measured = false;
        for (int i = 0; i < layers.length; i++) {
            kbps[i] = stream.kbps[layers[i]];
            last[i] = stream.tracks[layers[i]].lastPacketMs;
            measured |= kbps[i] > 0;
        }
        int cap = s.link == null ? 0 : s.link.downlinkCapKbps();
        int choice = measured ? LayerSelector.choose(kbps, last, s.estimate.kbps(cap), nowMs) : -1;
        return layers[choice >= 0 ? choice : layers.length - 1];
    }

    boolean unsubscribe(StreamName name, long id) {
        RelayStream stream = streams.get(name);
        Subscriber s = stream == null ? null : stream.removeSubscriber(id);
        if (s == null) {
            return false;
        }
        forget(s);
        return true;
    }

    /** Drops a subscriber from the shard's indexes. */
    private void forget(Subscriber s) {
        Downlink d = byDestination.get(s.destination);
        if (d != null && d.subscribers.remove(s) && d.subscribers.isEmpty()) {
            byDestination.remove(s.destination); // a run it gathered in this batch still leaves at batch end
        }
        for (OutputTrack o : s.outputs) {
            byOutputSsrc.remove(o.ssrc);
            streamOfSubscriber.remove(o.ssrc);
            if (o.rtxSsrc != 0) {
                byOutputSsrc.remove(o.rtxSsrc);
                streamOfSubscriber.remove(o.rtxSsrc);
            }
        }
    }

    boolean close(StreamName name) {
        RelayStream stream = streams.remove(name);
        if (stream == null) {
            return false;
        }
        for (Subscriber s : stream.subscribers) {
            forget(s);
        }
        stream.subscribers = new Subscriber[0];
        unregisterSource(stream);
        if (stream.sourceLink != null) {
            byLink.remove(stream.sourceLink, stream);
        }
        for (StreamTrack t : stream.tracks) {
            t.cache.clear();
        }
        return true;
    }

    void closeAll() {
        for (StreamName name : List.copyOf(streams.keySet())) {
            close(name);
        }
    }

    /** Puts the WebRTC side on this socket (shard thread). */
    void peers(PeerDemux demux) {
        this.peers = demux;
    }

    // ---- sending (shard thread)

    /** Buffer room a packet to this peer needs beyond its length. */
    static int tailroom(MediaLink link) {
        return link == null ? 0 : link.tailroom();
    }

    /** Sends one RTP packet of track {@code trackIndex}, through the peer's link if it has one. */
    void sendRtp(ByteBuf packet, InetSocketAddress to, MediaLink link, int trackIndex) {
        if (link != null && !link.prepareRtp(packet, trackIndex)) {
            packet.release();
            counters.secureDropped++;
            return;
        }
        socket.send(packet, to);
    }

    /** Sends one RTCP compound, through the peer's link if it has one. */
    void sendRtcp(ByteBuf compound, InetSocketAddress to, MediaLink link) {
        if (link != null && !link.protectRtcp(compound)) {
            compound.release();
            counters.secureDropped++;
            return;
        }
        socket.send(compound, to);
    }

    // ---- feedback helpers

    /** The subscriber owning {@code outputSsrc}, if RTCP about it came from its own address. */
    Subscriber subscriberFor(int outputSsrc, InetSocketAddress sender) {
        Subscriber s = byOutputSsrc.get(outputSsrc);
        return s != null && s.destination.equals(sender) ? s : null;
    }

    /** Any valid RTCP from a subscriber's address proves it is still there. */
    void touchSubscribers(InetSocketAddress sender, long nowMs) {
        Downlink d = byDestination.get(sender);
        if (d != null) {
            for (Subscriber s : d.subscribers) {
                s.lastRtcpMs = nowMs;
            }
        }
    }

    void requestKeyframe(RelayStream stream, int trackIndex, long nowMs) {
        StreamTrack t = stream.tracks[trackIndex];
        if (t.keyframes.request(nowMs)) {
            reports.sendPli(stream, t);
        }
    }

    /** A peer's announced SSRC if it is free here, a random one for 0. */
    private int chosenSsrc(int announced) {
        if (announced == 0) {
            return nonZeroSsrc();
        }
        if (bySourceSsrc.containsKey(announced) || byOutputSsrc.containsKey(announced)) {
            throw new IllegalArgumentException("SSRC " + Integer.toUnsignedString(announced) + " is in use on this shard");
        }
        return announced;
    }

    private int nonZeroSsrc() {
        int ssrc;
        do {
            ssrc = random.nextInt();
        } while (ssrc == 0 || bySourceSsrc.containsKey(ssrc) || byOutputSsrc.containsKey(ssrc));
        return ssrc;
    }

    // ---- timer (shard thread)

    /**
     * Called every few tens of milliseconds: NACKs, held-back PLIs; reports and liveness less often.
     * Each stream keeps its own report time, first placed at random within one interval and then
     * randomized over 0.5-1.5 intervals (RFC 3550 §6.3.1): with all streams due on one tick, a
     * shard with a thousand subscribers sent a thousand reports in one burst every second, and the
     * media arriving meanwhile waited milliseconds behind it. Between reports, outputs that lack
     * their source's NTP mapping (joined, rebased, or a source SR came) get one SR on the next tick.
     */
    void tick(long nowMs) {
        long interval = config.reportInterval().toMillis();
        if (peers != null) {
            peers.tick(nowMs);
        }
        for (RelayStream stream : List.copyOf(streams.values())) {
            reports.sendDueNacks(stream, nowMs);
            for (StreamTrack t : stream.tracks) {
                if (t.keyframes.due(nowMs)) {
                    reports.sendPli(stream, t);
                }
            }
            checkSilence(stream, nowMs);
            if (stream.layered && nowMs >= stream.nextLayerChoiceMs) {
                stream.nextLayerChoiceMs = nowMs + LAYER_CHOICE_MS;
                chooseLayers(stream, nowMs);
            }
            if (stream.nextReportMs == 0) {
                stream.nextReportMs = nowMs + random.nextLong(interval + 1);
            } else if (nowMs >= stream.nextReportMs) {
                stream.nextReportMs = nowMs + interval / 2 + random.nextLong(interval + 1);
                reports.sendReceiverReport(stream, nowMs);
                stream.mappingWanted = false;
                reports.sendSenderReports(stream, nowMs, false);
                expireSubscribers(stream, nowMs);
            }
            if (stream.mappingWanted) { // a join, a rebase or a new source SR: do not make them wait an interval
                stream.mappingWanted = false;
                reports.sendSenderReports(stream, nowMs, true);
            }
        }
        socket.flush();
    }

    /**
     * Per subscriber and layered group: the layer its estimate affords now. A new choice becomes
     * the target, and the target layer is asked for a keyframe (PLI), at which the forwarder
     * switches (RFC 8853 §5.3 leaves the selection to the SFU).
     */
    private void chooseLayers(RelayStream stream, long nowMs) {
        stream.measure(nowMs);
        for (Subscriber s : stream.subscribers) {
            s.belowTop = false;
        }
        for (int g = 0; g < stream.tracks.length; g++) {
            int[] layers = stream.layersOf[g];
            if (layers == null) {
                continue;
            }
            int[] kbps = new int[layers.length];
            long[] last = new long[layers.length];
            for (int i = 0; i < layers.length; i++) {
                kbps[i] = stream.kbps[layers[i]];
                last[i] = stream.tracks[layers[i]].lastPacketMs;
            }
            int top = LayerSelector.highestActive(last, nowMs);
            for (Subscriber s : stream.subscribers) {
                if (s.allLayers) {
                    continue; // it takes every layer
                }
                int cap = s.link == null ? 0 : s.link.downlinkCapKbps();
                int delayKbps = s.link == null ? 0 : s.link.delayBasedKbps();
                int choice = LayerSelector.choose(kbps, last, s.estimate.kbps(cap, delayKbps), nowMs);
                s.belowTop |= choice >= 0 && choice < top;
                if (choice >= 0 && layers[choice] != s.target[g]) {
                    s.target[g] = layers[choice];
                    counters.layerSwitches++;
                }
                if (s.target[g] != s.current[g]) {
                    requestKeyframe(stream, s.target[g], nowMs);
                }
            }
        }
        for (Subscriber s : stream.subscribers) {
            if (s.link != null) {
                s.link.senderLimited(s.belowTop);
            }
        }
    }

    /**
     * Reports a publisher silent after {@code publisherSilence} without packets, and resumed on
     * the first tick after its packets came back. Resuming is found here, not on the packet path:
     * a branch the forwarding loop almost never takes is one the JIT compiles as a trap, and
     * taking it deoptimised {@code Forwarder.onRtp} in the middle of the traffic
     * (-Xlog:deoptimization: "unstable_if" at the silent check); one tick (20 ms) later is soon
     * enough for a liveness report.
     */
    private void checkSilence(RelayStream stream, long nowMs) {
        long last = stream.lastPacketMs();
        boolean quiet = last > 0 && nowMs - last > config.publisherSilence().toMillis();
        if (!stream.silent && quiet) {
            stream.silent = true;
            listener.publisherSilent(stream.name, stream.source);
        } else if (stream.silent && !quiet) {
            stream.silent = false;
            listener.publisherResumed(stream.name, stream.source);
        }
    }

    private void expireSubscribers(RelayStream stream, long nowMs) {
        long timeout = config.subscriberTimeout().toMillis();
        for (Subscriber s : stream.subscribers) {
            if (nowMs - s.lastRtcpMs > timeout) {
                unsubscribe(stream.name, s.id);
                counters.subscribersTimedOut++;
                listener.subscriberTimedOut(stream.name, s.id, s.destination);
            }
        }
    }

    // ---- stats (shard thread)

    List<StreamStats> stats() {
        List<StreamStats> out = new ArrayList<>();
        for (RelayStream s : streams.values()) {
            out.add(StatsView.of(s));
        }
        return out;
    }

    boolean hasStream(StreamName name) {
        return streams.containsKey(name);
    }

    RelayCounters counters() {
        return counters.snapshot();
    }
}
