// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.Optional;

/**
 * Registered STUN error codes with their recommended reason phrases (IANA "STUN Error Codes"):
 * RFC 8489 §14.8, RFC 8656 §19 for TURN, RFC 8445 §16.2 for ICE.
 */
public enum StunError {
  /** 300, RFC 8489 §14.8: only for authenticated requests; the response must carry integrity. */
  TRY_ALTERNATE(300, "Try Alternate"),
  /** 400, RFC 8489 §14.8: malformed request. */
  BAD_REQUEST(400, "Bad Request"),
  /** 401, RFC 8489 §14.8 (called Unauthorized in RFC 5389). */
  UNAUTHENTICATED(401, "Unauthenticated"),
  /** 403, RFC 8656 §19: valid but refused by policy, for example a forbidden peer address. */
  FORBIDDEN(403, "Forbidden"),
  /** 420, RFC 8489 §14.8: goes with UNKNOWN-ATTRIBUTES. */
  UNKNOWN_ATTRIBUTE(420, "Unknown Attribute"),
  /** 437, RFC 8656 §19. */
  ALLOCATION_MISMATCH(437, "Allocation Mismatch"),
  /** 438, RFC 8489 §14.8: retry with the NONCE in this response. */
  STALE_NONCE(438, "Stale Nonce"),
  /** 440, RFC 8656 §19. */
  ADDRESS_FAMILY_NOT_SUPPORTED(440, "Address Family not Supported"),
  /** 441, RFC 8656 §19. */
  WRONG_CREDENTIALS(441, "Wrong Credentials"),
  /** 442, RFC 8656 §19: REQUESTED-TRANSPORT the server does not relay. */
  UNSUPPORTED_TRANSPORT_PROTOCOL(442, "Unsupported Transport Protocol"),
  /** 443, RFC 8656 §19: peer address family differs from the relayed address's. */
  PEER_ADDRESS_FAMILY_MISMATCH(443, "Peer Address Family Mismatch"),
  /** 486, RFC 8656 §19. */
  ALLOCATION_QUOTA_REACHED(486, "Allocation Quota Reached"),
  /** 487, RFC 8445 §16.2: ICE role conflict; not sent by an ICE-lite agent, but may be received. */
  ROLE_CONFLICT(487, "Role Conflict"),
  /** 500, RFC 8489 §14.8. */
  SERVER_ERROR(500, "Server Error"),
  /** 508, RFC 8656 §19. */
  INSUFFICIENT_CAPACITY(508, "Insufficient Capacity");

  private final int code;
  private final String reason;

  StunError(int code, String reason) {
    this.code = code;
    this.reason = reason;
  }

  /** The three-digit code. */
  public int code() {
    return code;
  }

  /** The recommended reason phrase. */
  public String reason() {
    return reason;
  }

  /** The registered error with this code, if any. */
  public static Optional<StunError> fromCode(int code) {
    for (StunError error : values()) {
      if (error.code == code) {
        return Optional.of(error);
      }
    }
    return Optional.empty();
  }
}
