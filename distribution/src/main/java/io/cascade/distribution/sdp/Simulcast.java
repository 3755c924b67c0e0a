// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code a=simulcast} attribute (RFC 8853 §5.1):
 *
 * <pre>
 * sc-value     = ( sc-send [SP sc-recv] ) / ( sc-recv [SP sc-send] )
 * sc-send      = %s"send" SP sc-str-list
 * sc-recv      = %s"recv" SP sc-str-list
 * sc-str-list  = sc-alt-list *( ";" sc-alt-list )
 * sc-alt-list  = sc-id *( "," sc-id )
 * sc-id        = [ "~" ] rid-id          ; "~" marks a stream that starts paused
 * </pre>
 *
 * <p>Each entry of {@code send} or {@code recv} is one simulcast stream, given as a list of
 * alternative rids (usually one). The order is the order of preference the writer gave.
 *
 * @param send the streams the writer sends, or empty
 * @param recv the streams the writer receives, or empty
 */
public record Simulcast(List<List<Id>> send, List<List<Id>> recv) {
  private static final String FIELD = "a=simulcast";

  /**
   * One rid in a simulcast stream's alternative list.
   *
   * @param rid the rid-id, which an {@code a=rid} line of the section should describe
   * @param paused whether the stream was offered paused ({@code ~})
   */
  public record Id(String rid, boolean paused) {
    public Id {
      if (!RidDescription.isRidId(rid)) {
        throw new IllegalArgumentException("not a rid-id: " + rid);
      }
    }

    String encode() {
      return paused ? "~" + rid : rid;
    }
  }

  public Simulcast {
    send = copy(send);
    recv = copy(recv);
    if (send.isEmpty() && recv.isEmpty()) {
      throw new IllegalArgumentException("simulcast needs a send or a recv list");
    }
  }

  /** The stream lists for one direction. */
  public List<List<Id>> streams(RidDirection direction) {
    return direction == RidDirection.SEND ? send : recv;
  }

  /** Decodes the attribute value after {@code a=simulcast:}. */
  public static Simulcast decode(String attributeValue) throws SdpParseException {
    List<String> words = SdpSyntax.words(attributeValue);
    if (words.size() != 2 && words.size() != 4) {
      throw new SdpParseException(FIELD, "expected 'send|recv <streams>' once or twice");
    }
    RidDirection first = RidDirection.decode(words.get(0), FIELD);
    List<List<Id>> send = List.of();
    List<List<Id>> recv = List.of();
    for (int i = 0; i < words.size(); i += 2) {
      RidDirection direction = RidDirection.decode(words.get(i), FIELD);
      if (i > 0 && direction == first) {
        throw new SdpParseException(FIELD, direction.value() + " appears twice");
      }
      List<List<Id>> streams = streams(words.get(i + 1));
      if (direction == RidDirection.SEND) {
        send = streams;
      } else {
        recv = streams;
      }
    }
    return new Simulcast(send, recv);
  }

  private static List<List<Id>> streams(String list) throws SdpParseException {
    List<List<Id>> streams = new ArrayList<>();
    for (String alternatives : list.split(";", -1)) {
      List<Id> ids = new ArrayList<>();
      for (String id : alternatives.split(",", -1)) {
        boolean paused = id.startsWith("~");
        String rid = paused ? id.substring(1) : id;
        if (!RidDescription.isRidId(rid)) {
          throw new SdpParseException(FIELD, "'" + SdpSyntax.abbreviate(id) + "' is not a rid-id");
        }
        ids.add(new Id(rid, paused));
      }
      streams.add(ids);
    }
    return streams;
  }

  /** The attribute value after {@code a=simulcast:}; the send list first when there are both. */
  public String encode() {
    StringBuilder out = new StringBuilder();
    if (!send.isEmpty()) {
      out.append("send ").append(encode(send));
    }
    if (!recv.isEmpty()) {
      out.append(out.isEmpty() ? "" : " ").append("recv ").append(encode(recv));
    }
    return out.toString();
  }

  private static String encode(List<List<Id>> streams) {
    StringBuilder out = new StringBuilder();
    for (List<Id> alternatives : streams) {
      out.append(out.isEmpty() ? "" : ";");
      for (int i = 0; i < alternatives.size(); i++) {
        out.append(i == 0 ? "" : ",").append(alternatives.get(i).encode());
      }
    }
    return out.toString();
  }

  private static List<List<Id>> copy(List<List<Id>> streams) {
    List<List<Id>> copy = new ArrayList<>();
    for (List<Id> alternatives : streams) {
      if (alternatives.isEmpty()) {
        throw new IllegalArgumentException("a simulcast stream needs at least one rid");
      }
      copy.add(List.copyOf(alternatives));
    }
    return List.copyOf(copy);
  }
}
