// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A STUN message (RFC 8489 §5): message type, transaction id and attributes in wire order.
 *
 * <p>Two messages are equal when type, id and attributes are; how they were padded on the wire
 * does not matter. A message from {@link StunDecoder} also keeps a private copy of the bytes it
 * came from, because MESSAGE-INTEGRITY and FINGERPRINT are checked over those exact bytes
 * ({@link StunIntegrity}); a message built in memory has none and never verifies.
 *
 * <p>Per RFC 8489 §9, a decoded message does not contain the attributes that followed
 * MESSAGE-INTEGRITY (other than MESSAGE-INTEGRITY-SHA256 and FINGERPRINT) or that followed
 * MESSAGE-INTEGRITY-SHA256 (other than FINGERPRINT): they are not protected and must be ignored,
 * so they are never offered to handlers.
 */
public final class StunMessage {
  private final StunMessageType type;
  private final TransactionId transactionId;
  private final List<StunAttribute> attributes;
  private final WireForm wire;

  /** A message built in memory; encode it with {@link StunMessageBuilder#copyOf}. */
  public StunMessage(
      StunMessageType type, TransactionId transactionId, List<StunAttribute> attributes) {
    this(type, transactionId, attributes, null);
  }

  StunMessage(
      StunMessageType type, TransactionId id, List<StunAttribute> attributes, WireForm wire) {
    this.type = Objects.requireNonNull(type, "type");
    this.transactionId = Objects.requireNonNull(id, "transactionId");
    this.attributes = List.copyOf(attributes);
    this.wire = wire;
  }

  public StunMessageType type() {
    return type;
  }

  public StunMethod method() {
    return type.method();
  }

  public StunClass messageClass() {
    return type.messageClass();
  }

  public TransactionId transactionId() {
    return transactionId;
  }

  /** The attributes in wire order, unmodifiable. */
  public List<StunAttribute> attributes() {
    return attributes;
  }

  /**
   * The first attribute of this class. Only the first occurrence of a type needs processing
   * (RFC 8489 §14), so later duplicates are left to whoever iterates {@link #attributes()}.
   */
  public <T extends StunAttribute> Optional<T> find(Class<T> kind) {
    for (StunAttribute attribute : attributes) {
      if (kind.isInstance(attribute)) {
        return Optional.of(kind.cast(attribute));
      }
    }
    return Optional.empty();
  }

  /** Whether an attribute of this wire type is present. */
  public boolean contains(int attributeType) {
    for (StunAttribute attribute : attributes) {
      if (attribute.type() == attributeType) {
        return true;
      }
    }
    return false;
  }

  /**
   * Types of the comprehension-required attributes this codec did not understand, in order and
   * without duplicates: what a 420 response lists in UNKNOWN-ATTRIBUTES (RFC 8489 §6.3.1). A
   * handler that understands fewer attributes than the codec must add its own.
   */
  public List<Integer> unknownComprehensionRequired() {
    List<Integer> unknown = new ArrayList<>(0);
    for (StunAttribute attribute : attributes) {
      if (attribute instanceof RawAttribute raw && raw.isComprehensionRequired()
          && !unknown.contains(raw.type())) {
        unknown.add(raw.type());
      }
    }
    return List.copyOf(unknown);
  }

  /** The received bytes and integrity offsets, or null for a message built in memory. */
  WireForm wire() {
    return wire;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StunMessage that
        && type.equals(that.type)
        && transactionId.equals(that.transactionId)
        && attributes.equals(that.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, transactionId, attributes);
  }

  @Override
  public String toString() {
    return type + " " + transactionId + " " + attributes;
  }

  /**
   * The bytes a message was decoded from and where its integrity attributes start (offset of the
   * attribute header from the start of the message, -1 when absent).
   */
  record WireForm(byte[] bytes, int integrityAt, int integritySha256At, int fingerprintAt) {}
}
