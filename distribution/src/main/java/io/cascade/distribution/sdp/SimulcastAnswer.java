// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers an offered {@code a=simulcast} and its {@code a=rid} lines (RFC 8853 §5.3, RFC 8851
 * §6.2) for a section this server receives.
 *
 * <p>The answer mirrors the offer's send list as a recv list, keeping order, alternatives and
 * the paused marks, and writes {@code a=rid:<id> recv} for each rid kept. A rid is kept when the
 * offer describes it with {@code a=rid:<id> send} (RFC 8853 §5.1 requires the description) and,
 * if it restricts payload types, at least one of them was accepted (RFC 8851 §6.2: the answerer
 * removes the payload types it rejects, and a rid left with none is removed). Simulcast is
 * dropped altogether when this server does not receive in the section, when the offer only asks
 * to receive simulcast (the relay sends one stream per subscriber), or when the RtpStreamId
 * header extension was not accepted: without it the layers cannot be told apart (RFC 8852 §3.3).
 */
final class SimulcastAnswer {
  /**
   * @param simulcast the answer's attribute, if simulcast was accepted
   * @param rids the answer's rid lines
   * @param remoteRids the rids this server will receive, in order
   */
  record Result(Optional<Simulcast> simulcast, List<RidDescription> rids, List<String> remoteRids) {
    static final Result NONE = new Result(Optional.empty(), List.of(), List.of());
  }

  private SimulcastAnswer() {}

  static Result answer(MediaDescription offered, Set<Integer> acceptedPts,
      boolean ridExtensionAccepted, Direction answerDirection) {
    Optional<Simulcast> simulcast = offered.simulcast();
    if (simulcast.isEmpty() || simulcast.get().send().isEmpty() || !answerDirection.receives()
        || !ridExtensionAccepted) {
      return Result.NONE;
    }
    List<List<Simulcast.Id>> streams = new ArrayList<>();
    List<RidDescription> rids = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (List<Simulcast.Id> alternatives : simulcast.get().send()) {
      List<Simulcast.Id> kept = new ArrayList<>();
      for (Simulcast.Id id : alternatives) {
        Optional<RidDescription> answer = answerRid(offered, id.rid(), acceptedPts);
        if (answer.isPresent() && seen.add(id.rid())) {
          kept.add(id);
          rids.add(answer.get());
        }
      }
      if (!kept.isEmpty()) {
        streams.add(kept);
      }
    }
    if (streams.isEmpty()) {
      return Result.NONE;
    }
    List<String> remoteRids = rids.stream().map(RidDescription::id).toList();
    return new Result(Optional.of(new Simulcast(List.of(), streams)), rids, remoteRids);
  }

  /** The answer's rid line for an offered send rid, or empty when it cannot be kept. */
  private static Optional<RidDescription> answerRid(MediaDescription offered, String id,
      Set<Integer> acceptedPts) {
    Optional<RidDescription> rid = offered.rid(id);
    if (rid.isEmpty() || rid.get().direction() != RidDirection.SEND) {
      return Optional.empty();
    }
    List<Integer> pts = rid.get().payloadTypes().stream().filter(acceptedPts::contains).toList();
    if (!rid.get().payloadTypes().isEmpty() && pts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RidDescription(id, RidDirection.RECV, pts, Map.of()));
  }
}
