// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.bench;

import io.cascade.distribution.bench.ProcessCpu;
import java.time.Duration;
import java.util.Collection;

/** CPU time of a server's processes: all of it, and the kernel's share (system time). */
record ServerCpu(Duration total, Duration system) {

    static ServerCpu of(Collection<Long> pids) {
        Duration total = Duration.ZERO;
        Duration system = Duration.ZERO;
        for (long pid : pids) {
            total = total.plus(ProcessCpu.of(pid));
            system = system.plus(ProcessCpu.systemOf(pid));
        }
        return new ServerCpu(total, system);
    }
}
