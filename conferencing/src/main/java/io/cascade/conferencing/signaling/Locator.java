// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.util.Optional;

/** Who is connected where, for all signaling nodes ({@link DirectoryLocator} on the platform directory). */
public interface Locator {

    /** This node's id. */
    String self();

    /** Records that the user is connected here (a newer connection elsewhere replaces an older one). */
    void bind(String user);

    /** Forgets the user's connection here, unless it has moved to another node meanwhile. */
    void unbind(String user);

    /** The live node the user is connected to. */
    Optional<String> nodeOf(String user);

    /** Whether the node is alive (its heartbeat is fresh). */
    boolean alive(String node);
}
