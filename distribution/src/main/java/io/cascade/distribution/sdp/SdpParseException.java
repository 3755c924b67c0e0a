// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

/**
 * Text that is not a usable session description, SDP attribute or trickle fragment.
 *
 * <p>The only exception the parsers throw. It names the line (1-based; 0 when the problem is the
 * document as a whole, such as its size) and the field as the RFC spells it ({@code "m="}, {@code
 * "a=fingerprint"}), so that the WHIP/WHEP handler can answer 400 with a message a person can act
 * on. Like the STUN codec's exception it skips the stack trace: the message says where the problem
 * is, and garbage from the network should not cost a stack walk.
 */
public final class SdpParseException extends Exception {
  private final int line;
  private final String field;
  private final String problem;

  /**
   * @param line the 1-based line number, or 0 when no single line is at fault
   * @param field the SDP field or attribute, for example {@code "a=ice-pwd"}
   * @param problem what was wrong with it
   */
  public SdpParseException(int line, String field, String problem) {
    super(describe(line, field, problem), null, false, false);
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  /** A problem found by an element decoder that does not know its line; see {@link #atLine}. */
  public SdpParseException(String field, String problem) {
    this(0, field, problem);
  }

  /** The same problem, placed on a line by the parser that knows where it read it. */
  SdpParseException atLine(int number) {
    return line == number ? this : new SdpParseException(number, field, problem);
  }

  /** The 1-based line number, or 0 when the problem is the document as a whole. */
  public int line() {
    return line;
  }

  /** The SDP field or attribute that was malformed, for example {@code "a=fingerprint"}. */
  public String field() {
    return field;
  }

  /** What was wrong, without the line and field prefix. */
  public String problem() {
    return problem;
  }

  private static String describe(int line, String field, String problem) {
    return (line > 0 ? "line " + line + " (" + field + ")" : field) + ": " + problem;
  }
}
