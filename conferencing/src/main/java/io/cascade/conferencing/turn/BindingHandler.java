// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.StunError;
import io.cascade.distribution.stun.UnknownAttributes;
import io.cascade.distribution.stun.XorMappedAddress;
import java.util.List;

/**
 * Binding requests that carry attributes (the attribute-less ones take {@link FastBinding}), per
 * RFC 8489 §6.3.1: a request with comprehension-required attributes this server does not
 * understand gets 420 (Unknown Attribute) listing them in UNKNOWN-ATTRIBUTES; any other gets a
 * success response with XOR-MAPPED-ADDRESS (§14.2) and FINGERPRINT.
 *
 * <p>Binding needs no credentials here: a STUN server answers everyone (RFC 8489 §9: "the
 * server MAY" authenticate Binding). The answer is at most 52 bytes whatever the request size,
 * and never larger than twice a minimal request: no echoed attributes, no SOFTWARE.
 */
final class BindingHandler {

    void handle(Exchange ex) {
        List<Integer> unknown = ex.request.unknownComprehensionRequired();
        if (!unknown.isEmpty()) {
            ex.fail(StunError.UNKNOWN_ATTRIBUTE, new UnknownAttributes(unknown));
            return;
        }
        ex.counters.increment(TurnCounter.BINDING_ANSWERED);
        ex.succeed(new XorMappedAddress(ex.link.client()));
    }
}
