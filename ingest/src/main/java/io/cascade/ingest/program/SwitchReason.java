// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.program;

/** Why the program source changed. */
public enum SwitchReason {
    /** The first live source became the program. */
    START,
    /** The operator cut to another source. */
    OPERATOR,
    /** The program source went silent or ended; the backup (or another live source) took over. */
    FAILOVER
}
