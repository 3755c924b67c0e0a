// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Who publishes and who subscribes in the SFU bench's rooms, as WHIP and WHEP sessions of one
 * {@link ViewerFleet}. A participant's camera is stream {@code bench/<id>}: its publisher POSTs to
 * {@code /whip/<id>} and every subscriber of it to {@code /whep/<id>}, one WebRTC session each, as
 * the meeting page opens one peer connection per remote camera. Signalling (the room's
 * WebSocket) is not part of the load: the gateway answers the offers the rooms would hand it.
 */
final class SfuRooms {
    private final ViewerFleet fleet;
    private final URI base;
    private final SfuBenchConfig config;
    private final ViewerFleet.PeerKind<SimulcastPublisher> camera;
    private final ViewerFleet.PeerKind<WhepViewer> viewer;

    /** @param base the relay's HTTP root, e.g. {@code http://127.0.0.1:8080/} */
    SfuRooms(ViewerFleet fleet, URI base, SfuBenchConfig config) {
        this.fleet = fleet;
        this.base = base;
        this.config = config;
        this.camera = SimulcastPublisher.kind(config.camera());
        this.viewer = ViewerFleet.viewer(config.camera().codec());
    }

    /** The stream id of member {@code m} of room {@code r} (rooms shape), or of publisher {@code m} (big). */
    static String id(int room, int member) {
        return room < 0 ? "bigp" + member : "r" + room + "m" + member;
    }

    /**
     * Grows the load from step value {@code from} to {@code to}: new rooms' cameras first, then
     * their subscriptions (a subscription needs its stream live); or, in the big room, its
     * publishers once, then the new subscribers-only members.
     *
     * @return null, or why some sessions did not connect
     */
    String grow(int from, int to) throws InterruptedException {
        List<String> publish = new ArrayList<>();
        List<String> subscribe = new ArrayList<>();
        if (config.shape().equals("rooms")) {
            for (int r = from; r < to; r++) {
                for (int m = 0; m < config.roomSize(); m++) {
                    publish.add(id(r, m));
                    for (int other = 0; other < config.roomSize(); other++) {
                        if (other != m) {
                            subscribe.add(id(r, other));
                        }
                    }
                }
            }
        } else {
            if (from == 0) {
                for (int p = 0; p < config.publishers(); p++) {
                    publish.add(id(-1, p));
                }
            }
            for (int s = from; s < to; s++) {
                for (int p = 0; p < config.publishers(); p++) {
                    subscribe.add(id(-1, p));
                }
            }
        }
        String failed = Connect.all(publish.size(),
                i -> fleet.add(base.resolve("/whip/" + publish.get(i)), camera), config.connectAtOnce(), "publishers");
        if (failed != null) {
            return failed;
        }
        return Connect.all(subscribe.size(),
                i -> fleet.add(base.resolve("/whep/" + subscribe.get(i)), viewer), config.connectAtOnce(),
                "subscriptions");
    }
}
