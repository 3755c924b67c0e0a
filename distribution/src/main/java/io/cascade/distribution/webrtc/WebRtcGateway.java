// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import io.cascade.distribution.dtls.DtlsCertificate;
import io.cascade.distribution.dtls.DtlsClientSession;
import io.cascade.distribution.dtls.DtlsCounters;
import io.cascade.distribution.dtls.DtlsFingerprint;
import io.cascade.distribution.dtls.DtlsHandshakeResult;
import io.cascade.distribution.dtls.DatagramSink;
import io.cascade.distribution.dtls.DtlsServerSession;
import io.cascade.distribution.dtls.DtlsSession;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.TrackSpec;
import io.cascade.distribution.sdp.Codec;
import io.cascade.distribution.sdp.DtlsRole;
import io.cascade.distribution.sdp.ExtMap;
import io.cascade.distribution.sdp.Fingerprint;
import io.cascade.distribution.sdp.Negotiation;
import io.cascade.distribution.sdp.SdpParseException;
import io.cascade.distribution.sdp.SdpParser;
import io.cascade.distribution.sdp.SessionDescription;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.distribution.srtp.SrtpContexts;
import io.cascade.distribution.srtp.SrtpProfile;
import io.cascade.distribution.srtp.SrtpRole;
import io.cascade.distribution.udp.UdpSocket;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * WebRTC sessions on a relay node's sockets: the server side of WHIP (a browser publishes a
 * stream) and WHEP (a browser plays one). A POST's offer is answered at once ({@link
 * #publish}, {@link #play}); the session then waits for the peer's ICE checks and DTLS handshake
 * on the socket of the stream's shard, and only when DTLS has proved the peer's certificate
 * against its SDP fingerprint does it become the relay stream's publisher or a subscriber.
 *
 * <p>Call {@link #attach()} once after the relay node is attached to its UDP engine. Public
 * methods are thread-safe; session state changes run on the session's shard thread.
 */
public final class WebRtcGateway implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WebRtcGateway.class);

    /** Session life events, for metrics and Kafka events. Called on shard threads; must not block. */
    public interface Listener {
        default void sessionSecured(WebRtcSession session) {
        }

        default void sessionEnded(WebRtcSession session, String reason) {
        }
    }

    /** What a successful POST returns. */
    public record Answer(WebRtcSession session, String sdp, String etag) {}

    final IceLite ice;
    final WebRtcCounters counters = new WebRtcCounters();
    private final RelayNode relay;
    private final WebRtcSettings settings;
    private final DtlsCertificate certificate;
    private final Fingerprint localFingerprint;
    private final InstantSource clock;
    private final SecureRandom random;
    private final Listener listener;
    private final DtlsCounters dtlsCounters = new DtlsCounters();
    private final OfferMapper mapper;
    private final Map<String, WebRtcSession> sessions = new ConcurrentHashMap<>();
    /** Streams published through WHIP here: their codecs (for WHEP answers) and their session. */
    private final Map<StreamName, PublishedStream> published = new ConcurrentHashMap<>();
    /** Streams that reach the relay as plain RTP, registered for WHEP with their codecs ({@link #registerStream}). */
    private final Map<StreamName, OfferMapper.PublishTracks> registered = new ConcurrentHashMap<>();
    private volatile Map<UdpSocket, WebRtcPort> ports = Map.of();

    public WebRtcGateway(RelayNode relay, WebRtcSettings settings, DtlsCertificate certificate, InstantSource clock,
                         SecureRandom random, Listener listener) {
        this.relay = relay;
        this.settings = settings;
        this.certificate = certificate;
        this.localFingerprint = Fingerprint.sha256(certificate.encoded());
        this.clock = clock;
        this.random = random;
        this.listener = listener;
        this.ice = new IceLite((session, remote, nominated) -> { }, clock);
        this.mapper = new OfferMapper(settings, random);
    }

    /** Puts a {@link WebRtcPort} on every shard socket of the relay. */
    public void attach() {
        Map<UdpSocket, WebRtcPort> created = new IdentityHashMap<>();
        relay.attachPeers((index, socket) -> {
            WebRtcPort port = new WebRtcPort(socket, this);
            created.put(socket, port);
            return port;
        });
        ports = created;
    }

    /**
     * WHIP (RFC 9725 §4.2): answers a publisher's offer for {@code stream}.
     *
     * @throws WebRtcException 400 malformed offer, 406 nothing acceptable, 409 already published
     */
    public Answer publish(StreamName stream, String offerSdp) throws WebRtcException {
        SessionDescription offer = parse(offerSdp);
        PublishedStream current = published.get(stream);
        if (current != null && current.session().state() != WebRtcSession.State.CLOSED) {
            throw refused(409, "stream " + stream + " already has a publisher");
        }
        WebRtcPort port = portOf(stream);
        OfferMapper.Credentials creds = mapper.credentials();
        Negotiation negotiation = mapper.answer(offer, mapper.publishCapabilities(offer), local(creds, port));
        OfferMapper.PublishTracks tracks = mapper.publishTracks(negotiation);
        Optional<Integer> twccId = negotiation.media().stream().map(m -> m.extensionId(ExtMap.TRANSPORT_WIDE_CC))
                .flatMap(Optional::stream).findFirst();
        WebRtcSession s = open(WebRtcSession.Kind.PUBLISH, stream, creds, negotiation, port,
                new int[0], new int[0], new int[0], session -> twccId.ifPresent(id -> {
                    session.twccExtensionId = id;
                    session.feedbackSenderSsrc = random.nextInt() | 1;
                    session.feedbackMediaSsrc = tracks.firstKnownSsrc();
                    session.twcc = new TransportCcReceiver();
                }));
        if (!tracks.rids().isEmpty()) {
            s.simulcast(tracks.rids(), tracks.ridExtensionId(), tracks.repairedRidExtensionId());
        }
        PublishedStream entry = new PublishedStream(s, tracks);
        if (current == null ? published.putIfAbsent(stream, entry) != null : !published.replace(stream, current, entry)) {
            close(s.id(), "lost a race with another publisher");
            throw refused(409, "stream " + stream + " already has a publisher");
        }
        return new Answer(s, negotiation.answerText(), etag(s));
    }

    /**
     * WHEP: answers a viewer's offer for {@code stream}, sending the codecs its publisher sends.
     *
     * @throws WebRtcException 400 malformed offer, 404 no such stream, 406 no common codec
     */
    public Answer play(StreamName stream, String offerSdp) throws WebRtcException {
        return play(stream, offerSdp, 0);
    }

    /**
     * As {@link #play(StreamName, String)}, with what the viewer is believed to take before any
     * report says ({@code startKbps}, 0 for the relay's default): of a simulcast stream it gets
     * first the layer that affords.
     */
    public Answer play(StreamName stream, String offerSdp, int startKbps) throws WebRtcException {
        SessionDescription offer = parse(offerSdp);
        OfferMapper.PublishTracks source = playable(stream);
        if (source == null) {
            throw refused(404, "stream " + stream + " is not live here");
        }
        WebRtcPort port = portOf(stream);
        OfferMapper.Credentials creds = mapper.credentials();
        Negotiation negotiation = mapper.answer(offer, mapper.playCapabilities(source), local(creds, port));
        OfferMapper.PlayTracks play = mapper.playTracks(negotiation, source);
        WebRtcSession s = open(WebRtcSession.Kind.PLAY, stream, creds, negotiation, port,
                play.payloadTypes(), play.ssrcs(), play.rtxSsrcs(), session -> {
                    session.rtxPayloadTypes = play.rtxPayloadTypes();
                    session.startKbps = Math.max(0, startKbps);
                    session.twccSender = OfferMapper.transportCcSender(negotiation);
                });
        return new Answer(s, negotiation.answerText(), etag(s));
    }

    /**
     * Makes a stream that reaches this relay as plain RTP (published with {@link RelayNode#publish},
     * as the broadcast path pushes renditions into edges) playable over WHEP, which otherwise
     * serves only streams a WHIP session publishes here. {@code codecs.get(i)} is what relay track
     * {@code tracks.get(i)} carries (H264, VP8 or opus, as an SDP codec), in the relay's track order;
     * viewers are offered exactly these. A track whose codec browsers cannot take (AAC as
     * {@code mpeg4-generic}, beside an Opus track) is never offered and its packets never sent,
     * without renumbering the others. A live WHIP publisher of the same name takes precedence; a
     * second call replaces the first. Publishing the RTP itself stays the caller's business.
     *
     * @throws IllegalArgumentException sizes differ, an offerable codec's kind is not its track's,
     *     or no track has a codec we can offer
     */
    public void registerStream(StreamName stream, List<TrackSpec> tracks, List<Codec> codecs) {
        registered.put(stream, OfferMapper.registeredTracks(tracks, codecs));
    }

    /**
     * As {@link #registerStream(StreamName, List, List)} for a stream published with simulcast
     * layers ({@code layers}, one per track, as given to {@link RelayNode#publish}): a viewer
     * gets one section per group, under one payload type whose H.264 profile decodes every
     * layer, and the relay switches it between layers at keyframes as its estimate moves.
     *
     * @throws IllegalArgumentException as above, or when no one H.264 profile decodes every layer of a group
     */
    public void registerStream(StreamName stream, List<TrackSpec> tracks, List<Codec> codecs,
                               List<io.cascade.distribution.relay.LayerSpec> layers) {
        registered.put(stream, OfferMapper.registeredTracks(tracks, codecs, layers));
    }

    /**
     * What a live WHIP publisher of {@code stream} sends, one format per relay track in the relay's
     * track order (the codec it negotiated: encoding, clock rate, channels, payload type, fmtp), so
     * a local consumer can depacketize and decode the stream; empty without a live publisher.
     */
    public Optional<List<TrackFormat>> publishedFormats(StreamName stream) {
        PublishedStream p = published.get(stream);
        if (p == null || p.session().state() == WebRtcSession.State.CLOSED) {
            return Optional.empty();
        }
        List<OfferMapper.PublishedTrack> tracks = p.tracks().tracks();
        List<TrackFormat> formats = new java.util.ArrayList<>(tracks.size());
        for (int i = 0; i < tracks.size(); i++) {
            OfferMapper.PublishedTrack t = tracks.get(i);
            formats.add(new TrackFormat(i, t.kind(), t.codec().name(), t.codec().clockRate(), t.codec().channels(),
                    t.codec().payloadType(), t.codec().parameters()));
        }
        return Optional.of(List.copyOf(formats));
    }

    /** Undoes {@link #registerStream}: new WHEP offers get 404; sessions playing go on. */
    public boolean unregisterStream(StreamName stream) {
        return registered.remove(stream) != null;
    }

    /** What a WHEP viewer of {@code stream} is offered: its live WHIP publisher's tracks, else a registration. */
    private OfferMapper.PublishTracks playable(StreamName stream) {
        PublishedStream p = published.get(stream);
        if (p != null && p.session().state() != WebRtcSession.State.CLOSED) {
            return p.tracks();
        }
        return registered.get(stream);
    }

    /**
     * PATCH (RFC 9725 §4.3): trickled candidates are accepted and need nothing from an ICE-lite
     * server, which never checks (RFC 8445 §2.5). An ICE restart is refused.
     *
     * @throws WebRtcException 404 unknown session, 412 If-Match not this session's ETag,
     *     400 malformed fragment, 422 an ICE restart
     */
    public void trickle(String sessionId, String ifMatch, String fragment) throws WebRtcException {
        WebRtcSession s = session(sessionId).orElseThrow(() -> refused(404, "no session " + sessionId));
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(etag(s))) {
            throw refused(412, "If-Match does not name this session's ICE session");
        }
        mapper.checkTrickle(fragment, s.ice.remoteUfrag());
    }

    /**
     * Caps what a playing session may be sent, in kbps (0: no cap): the subscriber's bandwidth
     * estimate never exceeds it, so its simulcast layer follows (docs/signaling.md, "Rooms").
     */
    public void limitDownlink(String sessionId, int kbps) {
        WebRtcSession s = sessions.get(sessionId);
        if (s != null && s.kind == WebRtcSession.Kind.PLAY) {
            s.port.socket.executor().execute(() -> s.downlinkCapKbps = kbps);
        }
    }

    /** DELETE: ends a session; false if there was none. */
    public boolean close(String sessionId) {
        return close(sessionId, "deleted by the client");
    }

    private boolean close(String sessionId, String reason) {
        WebRtcSession s = sessions.get(sessionId);
        if (s == null) {
            return false;
        }
        s.port.socket.executor().execute(() -> s.port.closeOnThread(s, reason));
        return true;
    }

    public Optional<WebRtcSession> session(String id) {
        return Optional.ofNullable(id == null ? null : sessions.get(id));
    }

    public List<WebRtcSession> sessions() {
        return List.copyOf(sessions.values());
    }

    public WebRtcCounters counters() {
        return counters;
    }

    public DtlsCounters dtlsCounters() {
        return dtlsCounters;
    }

    /** The ETag of a session: names its ICE session (RFC 9725 §4.3.1). */
    public static String etag(WebRtcSession s) {
        return "\"" + s.ice.localUfrag() + "\"";
    }

    @Override
    public void close() {
        for (String id : List.copyOf(sessions.keySet())) {
            close(id, "server shutting down");
        }
    }

    // ---- session life

    private WebRtcSession open(WebRtcSession.Kind kind, StreamName stream, OfferMapper.Credentials creds,
                               Negotiation negotiation, WebRtcPort port, int[] pts, int[] ssrcs, int[] rtxSsrcs,
                               java.util.function.Consumer<WebRtcSession> setup) throws WebRtcException {
        Fingerprint theirs = negotiation.remote().fingerprints().getFirst();
        DtlsFingerprint remoteFingerprint;
        try {
            remoteFingerprint = DtlsFingerprint.parse(theirs.encode());
        } catch (RuntimeException e) {
            throw refused(400, "unusable a=fingerprint: " + e.getMessage());
        }
        String id = mapper.sessionId();
        IceLite.IceSession iceSession = new IceLite.IceSession(creds.ufrag(), creds.pwd(),
                negotiation.remote().iceUfrag(), null);
        WebRtcSession s = new WebRtcSession(id, kind, stream, iceSession, port, clock.millis(), pts, ssrcs, rtxSsrcs);
        setup.accept(s); // before any other thread sees the session
        IceLite.IceSession owned = new IceLite.IceSession(creds.ufrag(), creds.pwd(), negotiation.remote().iceUfrag(), s);
        s.dtls = startDtls(negotiation.dtlsRole(), remoteFingerprint, bytes -> port.sendFromDtls(s, bytes));
        sessions.put(id, s);
        port.socket.executor().execute(() -> port.add(s));
        ice.register(owned);
        counters.sessionsOpened.increment();
        s.dtls.handshake().whenComplete((result, error) ->
                port.socket.executor().execute(() -> handshakeDone(s, result, error)));
        LOG.debugf("%s opened on %s", s, port.socket.localAddress());
        return s;
    }

    /**
     * Our DTLS side from the offer's setup (RFC 8842 §5.2): server for browsers ({@code actpass}),
     * which waits for their ClientHello; client for ffmpeg's WHIP muxer ({@code passive}), which
     * is only prepared here: its ClientHello needs the peer's address, and an ICE-lite agent
     * learns that from the peer's first check, see {@link #remoteChanged}.
     */
    private DtlsSession startDtls(DtlsRole role, DtlsFingerprint remote, DatagramSink sink) {
        if (role == DtlsRole.SERVER) {
            return DtlsServerSession.start(certificate, remote, sink, settings.dtls(), dtlsCounters, random);
        }
        return DtlsClientSession.create(certificate, remote, sink, settings.dtls(), dtlsCounters, random);
    }

    /** Shard thread. */
    private void handshakeDone(WebRtcSession s, DtlsHandshakeResult result, Throwable error) {
        if (s.state == WebRtcSession.State.CLOSED) {
            return;
        }
        if (!(result instanceof DtlsHandshakeResult.Established ok)) {
            counters.dtlsFailed.increment();
            String why = result instanceof DtlsHandshakeResult.Failed f ? f.reason() + ": " + f.detail()
                    : String.valueOf(error);
            s.port.closeOnThread(s, "DTLS failed (" + why + ")");
            return;
        }
        SrtpProfile profile = SrtpProfile.fromCode(ok.keys().profile().code());
        SrtpRole role = ok.keys().role() == io.cascade.distribution.dtls.DtlsRole.CLIENT ? SrtpRole.CLIENT : SrtpRole.SERVER;
        s.keyed(SrtpContexts.fromDtlsExport(profile, ok.keys().material(), role));
        counters.sessionsSecured.increment();
        if (s.kind == WebRtcSession.Kind.PUBLISH) {
            PublishedStream p = published.get(s.stream);
            relay.publish(s.stream, s.remote, p.tracks().specs(), p.tracks().layers(), s)
                    .whenComplete((info, e) -> afterRelay(s, e));
        } else {
            relay.subscribe(s.stream, s.remote, s.rtxPayloadTypes, s).whenComplete((sub, e) -> {
                if (sub != null) {
                    s.subscriberId = sub.id();
                }
                afterRelay(s, e);
            });
        }
    }

    private void afterRelay(WebRtcSession s, Throwable e) {
        if (e != null) {
            LOG.warnf("%s: the relay refused it: %s", s, e.getMessage());
            close(s.id(), "relay refused: " + e.getMessage());
            return;
        }
        s.secured.complete(s);
        listener.sessionSecured(s);
    }

    /**
     * Shard thread: the peer's address became known or its nominated address changed. A DTLS
     * client session sends its ClientHello now, the first time (later calls do nothing; its
     * datagrams follow {@code s.remote}); a publisher's source follows the address.
     */
    void remoteChanged(WebRtcSession s) {
        if (s.dtls instanceof DtlsClientSession client) {
            client.connect();
        }
        if (s.state == WebRtcSession.State.SECURE && s.kind == WebRtcSession.Kind.PUBLISH) {
            PublishedStream p = published.get(s.stream);
            relay.publish(s.stream, s.remote, p.tracks().specs(), p.tracks().layers(), s);
        }
    }

    /** Shard thread: why a session should end now, or null. */
    String expiry(WebRtcSession s, long nowMs) {
        if (s.state == WebRtcSession.State.CONNECTING && nowMs - s.createdMs > settings.connectTimeout().toMillis()) {
            return "ICE and DTLS did not complete within " + settings.connectTimeout().toSeconds() + " s";
        }
        if (s.authenticatedIn != s.authenticatedSeen) {
            s.authenticatedSeen = s.authenticatedIn;
            s.lastAuthenticatedMs = nowMs;
        }
        // RFC 7675 guards the peer against what we send. A publisher gets only RTCP from us, and some
        // (ffmpeg 8's WHIP muxer) stop checking after ICE: their authenticated media keeps consent.
        boolean mediaConsent = s.kind == WebRtcSession.Kind.PUBLISH
                && nowMs - s.lastAuthenticatedMs <= IceLite.CONSENT_TIMEOUT_MS;
        if (s.state == WebRtcSession.State.SECURE && !ice.hasConsent(s.ice.localUfrag()) && !mediaConsent) {
            return "consent expired (RFC 7675: no valid check for " + IceLite.CONSENT_TIMEOUT_MS / 1000 + " s)";
        }
        return null;
    }

    /** Shard thread, from {@link WebRtcPort#closeOnThread}: release everything the session held. */
    void ended(WebRtcSession s, String reason) {
        s.state = WebRtcSession.State.CLOSED;
        s.closeReason = reason;
        sessions.remove(s.id);
        ice.unregister(s.ice.localUfrag());
        s.dtls.close();
        counters.sessionsClosed.increment();
        if (s.kind == WebRtcSession.Kind.PUBLISH) {
            PublishedStream p = published.get(s.stream);
            if (p != null && p.session() == s) {
                published.remove(s.stream, p);
            }
            relay.close(s.stream);
            for (WebRtcSession viewer : sessions.values()) {
                if (viewer.kind == WebRtcSession.Kind.PLAY && viewer.stream.equals(s.stream)) {
                    close(viewer.id(), "the publisher left");
                }
            }
        } else if (s.subscriberId >= 0) {
            relay.unsubscribe(s.stream, s.subscriberId);
        }
        s.secured.completeExceptionally(new IllegalStateException("session ended: " + reason));
        s.closed.complete(reason);
        LOG.infof("%s ended: %s", s, reason);
        listener.sessionEnded(s, reason);
    }

    // ---- helpers

    private WebRtcPort portOf(StreamName stream) throws WebRtcException {
        WebRtcPort port = ports.get(relay.socketOf(stream));
        if (port == null) {
            throw refused(503, "WebRTC is not attached on this relay");
        }
        return port;
    }

    private io.cascade.distribution.sdp.LocalEndpoint local(OfferMapper.Credentials creds, WebRtcPort port) {
        return mapper.local(creds, localFingerprint, port.socket.localAddress().getPort());
    }

    private SessionDescription parse(String sdp) throws WebRtcException {
        if (sdp == null || sdp.isBlank()) {
            throw refused(400, "empty offer: the body must be an application/sdp offer");
        }
        try {
            return SdpParser.DEFAULT.parse(sdp);
        } catch (SdpParseException e) {
            throw refused(400, "malformed SDP offer: " + e.getMessage());
        }
    }

    WebRtcException refused(int status, String message) {
        counters.offersRefused.increment();
        return new WebRtcException(status, message);
    }

    /** A WHIP publisher's session and the tracks it sends. */
    record PublishedStream(WebRtcSession session, OfferMapper.PublishTracks tracks) {}
}
