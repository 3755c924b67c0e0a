// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.Optional;

/** The kinds of media section this server negotiates ({@code <media>} of RFC 8866 §5.14). */
public enum MediaType {
  AUDIO("audio"),
  VIDEO("video");

  private final String value;

  MediaType(String value) {
    this.value = value;
  }

  /** The m= line's {@code <media>} value. */
  public String value() {
    return value;
  }

  /** The kind an m= line names, or empty for {@code application}, {@code text} and the like. */
  public static Optional<MediaType> of(String media) {
    for (MediaType type : values()) {
      if (type.value.equals(media)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
