// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tier;

/** A relay node's place in the fabric. Configuration, not code: the relay is the same. */
public enum TierRole {
    /** Receives publishers (ingest, SFU); pulls nothing. */
    ORIGIN("origin"),
    /** Per-format fan-out between origins and edges; pulls from an origin. */
    MID("mid"),
    /** Near viewers; pulls from a mid-tier. */
    EDGE("edge");

    private final String directoryRole;

    TierRole(String directoryRole) {
        this.directoryRole = directoryRole;
    }

    /** The role name nodes register under in the directory. */
    public String directoryRole() {
        return directoryRole;
    }

    /** The tier this one pulls from, or null for the origin. */
    public TierRole upstream() {
        return switch (this) {
            case ORIGIN -> null;
            case MID -> ORIGIN;
            case EDGE -> MID;
        };
    }

    public static TierRole parse(String s) {
        for (TierRole r : values()) {
            if (r.directoryRole.equalsIgnoreCase(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException("tier role: origin, mid or edge, got " + s);
    }
}
