// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.sdp.H264ProfileLevelId;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.distribution.webrtc.WebRtcException;
import io.cascade.distribution.webrtc.WebRtcGateway;
import io.cascade.distribution.webrtc.WebRtcSession;
import io.cascade.distribution.webrtc.WhipWhepRoutes;
import io.cascade.edge.whep.OfferBandwidth;
import io.cascade.edge.whep.OfferedH264;
import io.cascade.edge.whep.RenditionChoice;
import io.cascade.edge.whep.RenditionTracks;
import io.cascade.ingest.broadcast.BroadcastRegistry;
import io.cascade.ingest.broadcast.SourceFeed;
import io.cascade.platform.directory.ViewerSessions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.function.ToIntBiFunction;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * WHEP names on this node: {@code /whep/{broadcastId}?rendition=R} plays {@code
 * bcast/{id}/R} once the broadcast path has registered that rendition here; with no rendition
 * named it plays {@code bcast/{id}/webrtc}, every rendition as a simulcast layer, whose layer the
 * relay picks per viewer and switches at keyframes (starting from the offer's bandwidth), or,
 * before that stream is registered or for a browser that cannot decode all of its layers, the
 * rendition the offer's bandwidth and H.264 profiles choose ({@link RenditionChoice}); any
 * other name {@code K} plays {@code live/K}, a WHIP-published stream. WHIP with a broadcast
 * source's key makes that source ({@link WhipSources}); another key {@code K} publishes {@code live/K}. With playback tokens on, every WHEP offer needs one for its name.
 */
final class BroadcastWhep implements WhipWhepRoutes.Resolver {
    private static final Logger LOG = Logger.getLogger(BroadcastWhep.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** The transcoder's layered stream for WebRTC, {@code bcast/{id}/webrtc}. */
    static final String LAYERED = "webrtc";

    private final WebRtcGateway gateway;
    /** 0 when the token lets its holder play the name, else 401 or 403. */
    private final ToIntBiFunction<String, String> tokens;
    /** broadcast -> rendition -> its rung (video bitrate, H.264 profile), for renditions registered with the gateway. */
    private final Map<String, Map<String, RenditionChoice.Rung>> renditions = new ConcurrentHashMap<>();
    /** broadcast -> the H.264 profiles of its layered WebRTC stream ({@code bcast/{id}/webrtc}), once registered. */
    private final Map<String, Set<H264ProfileLevelId.Profile>> layered = new ConcurrentHashMap<>();
    /** WHIP publishers with a broadcast source's key; null where ingest is not on this node. */
    private final WhipSources sources;

    /** What must happen before a viewer plays a stream (pull it from the node producing it). */
    interface PlayPreparation {
        void prepare(StreamName stream) throws WebRtcException;
    }

    private volatile PlayPreparation preparation = stream -> { };

    BroadcastWhep(WebRtcGateway gateway, ToIntBiFunction<String, String> tokens, WhipSources sources) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.sources = sources;
    }

    void preparePlay(PlayPreparation p) {
        this.preparation = p;
    }

    @Override
    public void beforePlay(StreamName stream) throws WebRtcException {
        preparation.prepare(stream);
    }

    /** Makes {@code bcast/{broadcast}/{rendition}} playable, or replaces its description. */
    void register(String broadcast, String rendition, List<TrackFormat> formats) {
        RenditionTracks tracks = RenditionTracks.of(formats);
        gateway.registerStream(stream(broadcast, rendition), tracks.specs(), tracks.codecs());
        renditions.computeIfAbsent(broadcast, b -> new ConcurrentHashMap<>()).put(rendition, new RenditionChoice.Rung(
                rendition, RenditionTracks.videoBitrate(formats), OfferedH264.profileOf(tracks.videoProfileLevelId())));
    }

    /**
     * Makes {@code bcast/{broadcast}/webrtc}, the renditions as simulcast layers, what a WHEP
     * viewer naming no rendition plays: the relay switches it between them at keyframes.
     */
    void registerLayered(String broadcast, List<TrackFormat> formats) {
        RenditionTracks tracks = RenditionTracks.of(formats);
        gateway.registerStream(stream(broadcast, LAYERED), tracks.specs(), tracks.codecs(), RenditionTracks.layers(formats));
        layered.put(broadcast, tracks.videoProfiles());
    }

    boolean hasLayers(String broadcast) {
        return layered.containsKey(broadcast);
    }

    /** Renditions of {@code broadcast} a WHEP viewer can ask for. */
    List<String> renditions(String broadcast) {
        return List.copyOf(renditions.getOrDefault(broadcast, Map.of()).keySet());
    }

    /** Secured WHEP sessions per broadcast that has any. */
    Map<String, Long> viewers() {
        return sessions().stream().collect(Collectors.groupingBy(ViewerSessions.Live::broadcast, Collectors.counting()));
    }

    /** Secured WHEP sessions playing a broadcast, as viewer sessions (id = the WHEP session's). */
    List<ViewerSessions.Live> sessions() {
        List<ViewerSessions.Live> out = new java.util.ArrayList<>();
        for (WebRtcSession s : gateway.sessions()) {
            String broadcast = BroadcastStreams.broadcastOf(s.stream());
            if (broadcast != null && s.kind() == WebRtcSession.Kind.PLAY && s.state() == WebRtcSession.State.SECURE) {
                out.add(new ViewerSessions.Live(s.id(), broadcast, "whep"));
            }
        }
        return out;
    }

    /** Secured WHEP sessions playing any rendition of {@code broadcast}. */
    int viewers(String broadcast) {
        return (int) sessions().stream().filter(s -> s.broadcast().equals(broadcast)).count();
    }

    /**
     * A broadcast source's key publishes that source ({@link WhipSources}); a key of the same shape
     * that is no source's is refused (a stale or mistyped source key must not go live elsewhere);
     * any other name {@code K} publishes {@code live/K}.
     */
    @Override
    public Optional<StreamName> publishStream(String streamKey) {
        if (sources != null) {
            Optional<StreamName> source = sources.streamOf(streamKey);
            if (source.isPresent()) {
                return source;
            }
        }
        if (BroadcastRegistry.isKeyShaped(streamKey)) {
            LOG.infof("WHIP publish refused: unknown stream key (hash %s)", SourceFeed.keyLabel(streamKey));
            return Optional.empty();
        }
        return NAME.matcher(streamKey).matches() ? Optional.of(StreamName.of("live/" + streamKey)) : Optional.empty();
    }

    @Override
    public void published(String streamKey, WebRtcGateway.Answer answer) throws WebRtcException {
        if (sources != null && WhipSources.isSourceStream(answer.session().stream())) {
            sources.published(streamKey, answer);
        }
    }

    @Override
    public Optional<StreamName> playStream(String broadcastId, String rendition) {
        return resolve(broadcastId, rendition, null);
    }

    @Override
    public Optional<StreamName> playStream(WhipWhepRoutes.PlayRequest request) throws WebRtcException {
        String id = request.broadcastId();
        if (!NAME.matcher(id).matches()) {
            return Optional.empty();
        }
        int refused = tokens.applyAsInt(id, request.token());
        if (refused != 0) {
            throw new WebRtcException(refused, refused == 401 ? "a playback token is needed (?token=)"
                    : "the playback token is not valid for this broadcast");
        }
        return resolve(id, request.rendition(), request.offerSdp());
    }

    private Optional<StreamName> resolve(String id, String rendition, String offer) {
        if (!NAME.matcher(id).matches()) {
            return Optional.empty();
        }
        Map<String, RenditionChoice.Rung> ladder = renditions.get(id);
        if (ladder == null || ladder.isEmpty()) {
            return rendition == null ? Optional.of(StreamName.of("live/" + id)) : Optional.empty();
        }
        if (rendition != null) {
            return ladder.containsKey(rendition) ? Optional.of(stream(id, rendition)) : Optional.empty();
        }
        if (playsLayers(id, offer)) {
            return Optional.of(stream(id, LAYERED));
        }
        return RenditionChoice.choose(List.copyOf(ladder.values()), OfferBandwidth.of(offer), OfferedH264.profiles(offer))
                .map(r -> stream(id, r));
    }

    /** The layered stream's start layer follows the offer's bandwidth, when it states one. */
    @Override
    public int startKbps(WhipWhepRoutes.PlayRequest request) {
        return request.rendition() == null ? RenditionChoice.startKbps(OfferBandwidth.of(request.offerSdp())) : 0;
    }

    /**
     * Whether a viewer naming no rendition gets the layered stream: it is registered, and the
     * offer (when we have it) lists an H.264 profile whose decoders decode every layer; a browser
     * that cannot gets one rendition it can decode, chosen as before.
     */
    private boolean playsLayers(String id, String offer) {
        Set<H264ProfileLevelId.Profile> profiles = layered.get(id);
        if (profiles == null) {
            return false;
        }
        if (offer == null) {
            return true;
        }
        return OfferedH264.profiles(offer).stream().anyMatch(p -> profiles.stream().allMatch(p::decodes));
    }

    private static StreamName stream(String broadcast, String rendition) {
        return BroadcastStreams.of(broadcast, rendition);
    }
}
