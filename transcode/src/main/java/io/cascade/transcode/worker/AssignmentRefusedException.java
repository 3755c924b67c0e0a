// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.worker;

/** A worker declined an assignment; {@link #reason()} says why, for the directory to pick another worker. */
public final class AssignmentRefusedException extends RuntimeException {

    /** Why an assignment was refused. */
    public enum Reason {
        /** Every slot is taken. */
        FULL,
        /** This worker already transcodes that broadcast in that format. */
        DUPLICATE,
        /** The worker is shutting down. */
        CLOSED
    }

    private final Reason reason;

    public AssignmentRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
