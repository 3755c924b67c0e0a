// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

/**
 * Sends messages to other signaling nodes, in order per destination, without blocking the caller
 * ({@link HttpNodeLink}). A message for a node that is gone is dropped: the calls it concerns end
 * by the liveness checks of {@link SignalingNode#tick()}.
 */
public interface NodeLink {

    void send(String node, NodeMessage message);

    /** The null object, for a node alone: nothing to send to. */
    static NodeLink none() {
        return (node, message) -> {};
    }
}
