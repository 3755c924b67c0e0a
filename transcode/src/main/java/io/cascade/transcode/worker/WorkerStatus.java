// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.worker;

import java.util.List;

/** What a worker tells the directory about itself: who it is, its slots, what it runs. */
public record WorkerStatus(String workerId, int capacity, List<AssignmentKey> assignments) {

    public WorkerStatus {
        assignments = List.copyOf(assignments);
    }

    public int available() {
        return capacity - assignments.size();
    }
}
