// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import io.cascade.distribution.relay.KeyframeFormat;
import io.cascade.distribution.relay.LayerSpec;
import io.cascade.distribution.relay.MediaKind;
import io.cascade.distribution.relay.TrackSpec;
import io.cascade.distribution.sdp.Candidate;
import io.cascade.distribution.sdp.Codec;
import io.cascade.distribution.sdp.CodecCapability;
import io.cascade.distribution.sdp.ExtMap;
import io.cascade.distribution.sdp.Fingerprint;
import io.cascade.distribution.sdp.H264ProfileLevelId;
import io.cascade.distribution.sdp.LocalEndpoint;
import io.cascade.distribution.sdp.MediaCapabilities;
import io.cascade.distribution.sdp.MediaType;
import io.cascade.distribution.sdp.NegotiatedCodec;
import io.cascade.distribution.sdp.NegotiatedMedia;
import io.cascade.distribution.sdp.Negotiation;
import io.cascade.distribution.sdp.SdpAnswerer;
import io.cascade.distribution.sdp.SdpNegotiationException;
import io.cascade.distribution.sdp.SdpParseException;
import io.cascade.distribution.sdp.SessionDescription;
import io.cascade.distribution.sdp.SsrcGroup;
import io.cascade.distribution.sdp.TrickleFragment;
import io.cascade.distribution.sdp.TrickleFragmentParser;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Between SDP and the relay: our ICE credentials and candidates, what we accept from publishers
 * and offer to viewers, and how negotiated sections become relay tracks (publish) or a
 * subscriber's payload types and SSRCs (play).
 */
final class OfferMapper {
    /** ice-char (RFC 8839 §5.4): ALPHA / DIGIT / "+" / "/". */
    private static final char[] ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    record Credentials(String ufrag, String pwd) {}

    /**
     * One track a publisher sends: its relay spec and the codec it negotiated. A track that is not
     * {@code offered} (a registered stream's AAC, which browsers cannot take over RTP) keeps its
     * relay index but is never put in a viewer's answer.
     */
    record PublishedTrack(MediaKind kind, Codec codec, TrackSpec spec, boolean offered) {
        PublishedTrack(MediaKind kind, Codec codec, TrackSpec spec) {
            this(kind, codec, spec, true);
        }
    }

    /**
     * A publisher's relay tracks; with simulcast, one track per layer ({@code layers}, else
     * null), {@code rids} naming each layer track's index and the extension ids that carry rids.
     */
    record PublishTracks(List<PublishedTrack> tracks, List<LayerSpec> layers, Map<String, Integer> rids,
                         int ridExtensionId, int repairedRidExtensionId) {
        PublishTracks(List<PublishedTrack> tracks) {
            this(tracks, null, Map.of(), -1, -1);
        }

        List<TrackSpec> specs() {
            return tracks.stream().map(PublishedTrack::spec).toList();
        }

        /** The group (first layer's index) of track {@code i}. */
        int groupOf(int i) {
            return layers == null ? i : layers.get(i).group();
        }

        /** The publisher's SSRC that feedback (transport-cc) names: the first one it announced. */
        int firstKnownSsrc() {
            return tracks.stream().mapToInt(t -> t.spec().ssrc()).filter(s -> s != 0).findFirst().orElse(0);
        }
    }

    /** Per relay track, in the viewer's terms; -1 / 0 where the viewer takes no such track. */
    record PlayTracks(int[] payloadTypes, int[] rtxPayloadTypes, int[] ssrcs, int[] rtxSsrcs) {}

    private final WebRtcSettings settings;
    private final SecureRandom random;

    OfferMapper(WebRtcSettings settings, SecureRandom random) {
        this.settings = settings;
        this.random = random;
    }

    /** RFC 8445 §5.3: ufrag with at least 24 bits of randomness, password at least 128. */
    Credentials credentials() {
        return new Credentials(token(ICE_CHARS, 8), token(ICE_CHARS, 24));
    }

    String sessionId() {
        return token(ID_CHARS, 20);
    }

    LocalEndpoint local(Credentials creds, Fingerprint fingerprint, int port) {
        List<Candidate> candidates = new ArrayList<>();
        int n = 0;
        for (String host : settings.candidateHosts()) {
            // RFC 8445 §5.1.2.1 with type preference 126 (host) and local preference by order
            long priority = (126L << 24) | ((65535L - n) << 8) | 255;
            candidates.add(Candidate.host(Integer.toString(++n), "UDP", priority, host, port));
        }
        return new LocalEndpoint(creds.ufrag(), creds.pwd(), fingerprint, candidates, "cascade", "cascade");
    }

    /** As {@link #publishCapabilities()}, plus the rid extensions (RFC 8852) when the offer sends simulcast. */
    MediaCapabilities publishCapabilities(SessionDescription offer) {
        MediaCapabilities base = publishCapabilities();
        if (offer.media().stream().noneMatch(m -> m.simulcast().isPresent())) {
            return base;
        }
        Set<String> video = new java.util.HashSet<>(base.videoExtensions());
        video.add(ExtMap.SDES_RTP_STREAM_ID);
        video.add(ExtMap.SDES_REPAIRED_RTP_STREAM_ID);
        return new MediaCapabilities(base.codecs(), base.rtx(), base.audioExtensions(), video);
    }

    /** What a publisher may send: the configured codecs, with RTX, and the mid and transport-cc extensions. */
    MediaCapabilities publishCapabilities() {
        List<CodecCapability> codecs = new ArrayList<>();
        for (String name : settings.publishCodecs()) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "h264" -> {
                    codecs.add(CodecCapability.h264("42e01f"));
                    codecs.add(CodecCapability.h264("42001f"));
                    codecs.add(CodecCapability.h264("4d001f"));
                }
                case "vp8" -> codecs.add(CodecCapability.vp8());
                case "opus" -> codecs.add(CodecCapability.opus());
                default -> throw new IllegalArgumentException("publish codec not supported: " + name);
            }
        }
        // transport-wide CC: we send the feedback (TransportCcReceiver), so the browser's estimator can ramp up
        Set<String> extensions = Set.of(ExtMap.SDES_MID, ExtMap.TRANSPORT_WIDE_CC);
        return new MediaCapabilities(codecs, true, extensions, extensions);
    }

    /**
     * What a viewer gets: exactly the codecs the publisher sends, so no transcoding. One header
     * extension, transport-wide CC (with {@code a=rtcp-fb:* transport-cc} on every codec): the
     * relay blanks the publisher's extensions (see {@link WebRtcSession#blankExtensions}) and
     * stamps its own transport-wide sequence numbers, so the viewer's feedback tells how its
     * downlink copes ({@link io.cascade.distribution.cc.TransportCcSender}). The answer's SSRCs
     * let the viewer demultiplex without mid.
     */
    MediaCapabilities playCapabilities(PublishTracks source) {
        List<CodecCapability> codecs = new ArrayList<>();
        for (int i = 0; i < source.tracks().size(); i++) {
            PublishedTrack t = source.tracks().get(i);
            if (t.offered() && source.groupOf(i) == i) {
                codecs.add(t.codec().is("H264") ? CodecCapability.h264Sent(groupProfileLevelId(source, i))
                        : capabilityOf(t.codec()));
            }
        }
        Set<String> extensions = Set.of(ExtMap.TRANSPORT_WIDE_CC);
        return new MediaCapabilities(codecs, true, extensions, extensions);
    }

    /**
     * The H.264 profile-level-id one payload type must name for every layer of the group that
     * track {@code leader} leads (a viewer switched between layers keeps its payload type): the
     * layers' profile whose decoders decode all of them (Main and High layers: High), at the
     * highest layer's level. A group of one track is that track's own.
     */
    static String groupProfileLevelId(PublishTracks source, int leader) {
        List<H264ProfileLevelId> layers = new ArrayList<>();
        for (int i = 0; i < source.tracks().size(); i++) {
            Codec c = source.tracks().get(i).codec();
            if (source.groupOf(i) == leader && c.is("H264")) {
                H264ProfileLevelId.parse(c.parameter("profile-level-id").orElse("42e01f").toLowerCase(Locale.ROOT))
                        .ifPresent(layers::add);
            }
        }
        if (layers.isEmpty()) {
            return "42e01f";
        }
        int level = layers.getFirst().level();
        for (H264ProfileLevelId l : layers) {
            level = H264ProfileLevelId.isLower(level, l.level()) ? l.level() : level;
        }
        for (H264ProfileLevelId candidate : layers) {
            if (layers.stream().allMatch(l -> candidate.profile().decodes(l.profile()))) {
                return candidate.withLevel(level).encode();
            }
        }
        throw new IllegalArgumentException("no one H.264 profile decodes every layer: " + layers);
    }

    /**
     * The send side of transport-wide CC for a viewer whose answer kept the extension, or null:
     * not offered, or under an id the one-byte form cannot carry (15 and above; we stamp in the
     * one-byte form, RFC 8285 §4.2, which every browser takes).
     */
    static io.cascade.distribution.cc.TransportCcSender transportCcSender(Negotiation negotiation) {
        return negotiation.media().stream()
                .filter(m -> m.direction().sends())
                .map(m -> m.extensionId(ExtMap.TRANSPORT_WIDE_CC))
                .flatMap(Optional::stream)
                .filter(io.cascade.distribution.cc.TransportSequenceStamp::usableId)
                .findFirst()
                .map(io.cascade.distribution.cc.TransportCcSender::new)
                .orElse(null);
    }

    /**
     * The tracks of a stream registered for playback without a WHIP session: relay track {@code i}
     * carries {@code codecs.get(i)}. A codec we cannot offer to browsers (AAC, {@code
     * mpeg4-generic}) leaves its track out of every answer, at its index, so the relay's track
     * numbers stay those of the stream; at least one track must be offerable, and an offerable
     * codec must be of its track's kind.
     */
    static PublishTracks registeredTracks(List<TrackSpec> specs, List<Codec> codecs) {
        return registeredTracks(specs, codecs, null);
    }

    /**
     * As {@link #registeredTracks(List, List)} for a stream whose tracks are simulcast layers
     * ({@code layers}, one per track, as the relay stream was published with; null: none): a
     * viewer gets one section per group, which carries whichever layer the relay forwards it.
     */
    static PublishTracks registeredTracks(List<TrackSpec> specs, List<Codec> codecs, List<LayerSpec> layers) {
        if (layers != null && layers.size() != specs.size()) {
            throw new IllegalArgumentException("one layer spec per track: " + specs.size() + " tracks, " + layers.size());
        }
        if (specs.isEmpty() || specs.size() != codecs.size()) {
            throw new IllegalArgumentException("one codec per track: " + specs.size() + " tracks, " + codecs.size() + " codecs");
        }
        List<PublishedTrack> tracks = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Codec codec = codecs.get(i);
            if (!offerable(codec)) {
                tracks.add(new PublishedTrack(specs.get(i).kind(), codec, specs.get(i), false));
                continue;
            }
            MediaKind kind = capabilityOf(codec).kind() == MediaType.AUDIO ? MediaKind.AUDIO : MediaKind.VIDEO;
            if (kind != specs.get(i).kind()) {
                throw new IllegalArgumentException("track " + i + " is " + specs.get(i).kind() + " but " + codec.name() + " is " + kind);
            }
            tracks.add(new PublishedTrack(kind, codec, specs.get(i)));
        }
        if (tracks.stream().noneMatch(PublishedTrack::offered)) {
            throw new IllegalArgumentException("no track has a codec we can offer to WHEP viewers (H264, VP8, opus): " + codecs);
        }
        if (layers != null) {
            PublishTracks layered = new PublishTracks(List.copyOf(tracks), List.copyOf(layers), Map.of(), -1, -1);
            for (int i = 0; i < tracks.size(); i++) {
                if (layered.groupOf(i) == i && tracks.get(i).codec().is("H264")) {
                    groupProfileLevelId(layered, i); // refuses a group no one profile covers
                }
            }
            return layered;
        }
        return new PublishTracks(List.copyOf(tracks));
    }

    private static boolean offerable(Codec c) {
        return c.is("H264") || c.is("VP8") || c.is("opus");
    }

    private static CodecCapability capabilityOf(Codec c) {
        if (c.is("H264")) {
            return CodecCapability.h264(c.parameter("profile-level-id").orElse("42e01f").toLowerCase(Locale.ROOT));
        }
        if (c.is("VP8")) {
            return CodecCapability.vp8();
        }
        if (c.is("opus")) {
            return CodecCapability.opus();
        }
        throw new IllegalStateException("no capability for " + c.name());
    }

    Negotiation answer(SessionDescription offer, MediaCapabilities capabilities, LocalEndpoint local)
            throws WebRtcException {
        try {
            return new SdpAnswerer(capabilities, random).answer(offer, local);
        } catch (SdpNegotiationException e) {
            int status = e.reason() == SdpNegotiationException.Reason.NO_ACCEPTABLE_MEDIA ? 406 : 400;
            throw new WebRtcException(status, e.getMessage());
        }
    }

    /**
     * The relay tracks of a WHIP offer: one per accepted section that we receive, in order, with
     * the SSRC the offer announced (the first of an FID group is the media, the second its RTX,
     * RFC 5576 §4.2) and the codec we answered first, which is what the sender uses.
     */
    PublishTracks publishTracks(Negotiation negotiation) throws WebRtcException {
        List<PublishedTrack> tracks = new ArrayList<>();
        List<LayerSpec> layers = new ArrayList<>();
        Map<String, Integer> rids = new HashMap<>();
        int ridId = -1;
        int repairedId = -1;
        for (NegotiatedMedia m : negotiation.media()) {
            if (!m.direction().receives()) {
                continue;
            }
            if (m.isSimulcast()) {
                if (!rids.isEmpty()) {
                    throw new WebRtcException(406, "mid " + m.mid() + ": one simulcast section per session");
                }
                ridId = m.extensionId(ExtMap.SDES_RTP_STREAM_ID).orElse(-1);
                repairedId = m.extensionId(ExtMap.SDES_REPAIRED_RTP_STREAM_ID).orElse(-1);
                addLayers(m, tracks, layers, rids);
                continue;
            }
            Optional<SsrcGroup> fid = m.remoteSsrcGroups().stream().filter(g -> g.semantics().equals(SsrcGroup.FID)).findFirst();
            long ssrc = fid.map(g -> g.ssrcs().getFirst()).orElse(m.remoteSsrcs().isEmpty() ? -1L : m.remoteSsrcs().getFirst());
            if (ssrc < 0) {
                throw new WebRtcException(406, "mid " + m.mid() + ": the offer announces no a=ssrc for what it sends"
                        + " (a single stream with a=ssrc is needed; simulcast by rid is not taken on WHIP yet)");
            }
            NegotiatedCodec codec = m.preferredCodec();
            MediaKind kind = m.kind() == MediaType.AUDIO ? MediaKind.AUDIO : MediaKind.VIDEO;
            TrackSpec spec = new TrackSpec(kind, (int) ssrc, codec.payloadType(), codec.codec().clockRate(), 0, -1, true);
            if (fid.isPresent() && fid.get().ssrcs().size() > 1 && codec.rtxPayloadType().isPresent()) {
                spec = spec.withRtx(fid.get().ssrcs().get(1).intValue(), codec.rtxPayloadType().get());
            }
            layers.add(LayerSpec.single(tracks.size()));
            tracks.add(new PublishedTrack(kind, codec.codec(), spec));
        }
        if (tracks.isEmpty()) {
            throw new WebRtcException(406, "the offer sends nothing: a WHIP offer has sendonly sections");
        }
        return rids.isEmpty() ? new PublishTracks(tracks) : new PublishTracks(tracks, layers, rids, ridId, repairedId);
    }

    /**
     * RFC 8853 simulcast by rid: one relay track per layer, with SSRC 0 until the first packet
     * that names its rid (RFC 8852 §3.1), its RTX by repaired rid (§3.2). Layers are ranked in
     * the offer's order, the first the lowest, which is how our meeting page sends them (q, h,
     * f); the rid names carry no resolution, and {@code a=rid} restrictions are optional.
     */
    private static void addLayers(NegotiatedMedia m, List<PublishedTrack> tracks, List<LayerSpec> layers,
                                  Map<String, Integer> rids) {
        NegotiatedCodec codec = m.preferredCodec();
        int rtxPt = codec.rtxPayloadType().orElse(-1);
        int group = tracks.size();
        KeyframeFormat keyframes = KeyframeFormat.of(codec.codec().name());
        for (int layer = 0; layer < m.remoteRids().size(); layer++) {
            TrackSpec spec = new TrackSpec(MediaKind.VIDEO, 0, codec.payloadType(), codec.codec().clockRate(), 0, rtxPt, true);
            rids.put(m.remoteRids().get(layer), tracks.size());
            layers.add(new LayerSpec(group, layer, keyframes));
            tracks.add(new PublishedTrack(MediaKind.VIDEO, codec.codec(), spec));
        }
    }

    /** Matches each relay track to an accepted section of its kind that we send on. */
    PlayTracks playTracks(Negotiation negotiation, PublishTracks source) throws WebRtcException {
        int n = source.tracks().size();
        int[] pts = new int[n];
        int[] rtxPts = new int[n];
        int[] ssrcs = new int[n];
        int[] rtxSsrcs = new int[n];
        List<NegotiatedMedia> free = new ArrayList<>(negotiation.media().stream().filter(m -> m.direction().sends()).toList());
        int matched = 0;
        for (int i = 0; i < n; i++) {
            PublishedTrack t = source.tracks().get(i);
            pts[i] = -1;
            rtxPts[i] = -1;
            if (!t.offered()) {
                continue; // never answered: the session drops this track's packets (payload type -1)
            }
            int group = source.groupOf(i);
            if (group != i) { // a higher simulcast layer: sent in its group's section, as its group
                pts[i] = pts[group];
                rtxPts[i] = rtxPts[group];
                ssrcs[i] = ssrcs[group];
                rtxSsrcs[i] = rtxSsrcs[group];
                continue;
            }
            for (NegotiatedMedia m : free) {
                MediaKind kind = m.kind() == MediaType.AUDIO ? MediaKind.AUDIO : MediaKind.VIDEO;
                if (kind == t.kind() && m.localSsrc().isPresent()) {
                    NegotiatedCodec codec = m.preferredCodec();
                    pts[i] = codec.payloadType();
                    rtxPts[i] = m.localRtxSsrc().isPresent() ? codec.rtxPayloadType().orElse(-1) : -1;
                    ssrcs[i] = m.localSsrc().get().intValue();
                    rtxSsrcs[i] = rtxPts[i] >= 0 ? m.localRtxSsrc().get().intValue() : 0;
                    free.remove(m);
                    matched++;
                    break;
                }
            }
        }
        if (matched == 0) {
            throw new WebRtcException(406, "the offer receives none of the stream's tracks (WHEP offers recvonly sections)");
        }
        return new PlayTracks(pts, rtxPts, ssrcs, rtxSsrcs);
    }

    /**
     * A trickle fragment (RFC 8840 §4.4) must parse; candidates need no action from a lite agent.
     * New credentials would be an ICE restart (RFC 9725 §4.3.2), which we do not implement.
     */
    void checkTrickle(String fragment, String remoteUfrag) throws WebRtcException {
        TrickleFragment f;
        try {
            f = TrickleFragmentParser.DEFAULT.parse(fragment == null ? "" : fragment);
        } catch (SdpParseException e) {
            throw new WebRtcException(400, "malformed trickle-ice-sdpfrag: " + e.getMessage());
        }
        if (f.iceUfrag().isPresent() && !f.iceUfrag().get().equals(remoteUfrag) && f.icePwd().isPresent()) {
            throw new WebRtcException(501, "ICE restart is not supported: start a new session");
        }
    }

    private String token(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
