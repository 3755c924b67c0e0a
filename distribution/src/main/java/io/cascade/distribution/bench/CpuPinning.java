// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Optional CPU pinning for the relay bench: the forwarder under test alone on the last CPU, the
 * load generator (publishers, subscribers, this JVM) on the others. Without it, on a machine
 * with few cores, the forwarder and the load generator take turns on the same CPUs and the
 * scheduler's time slices (milliseconds) show up as forwarding latency; pinned, the latency
 * figures are the forwarder's own. Both forwarders of a run are pinned alike. Uses util-linux
 * {@code taskset}; {@link #pinned} says why not when it cannot.
 *
 * @param forwarderCpu the CPU the forwarder runs on
 * @param loadCpus     the CPU list (taskset syntax) of the load generator
 */
record CpuPinning(int forwarderCpu, String loadCpus) {
    private static final Path TASKSET = Path.of("/usr/bin/taskset");

    /** Pinning for this machine: empty (reason on stdout) with fewer than 2 CPUs or no taskset. */
    static Optional<CpuPinning> pinned() {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 2 || !Files.isExecutable(TASKSET)) {
            System.out.println("pinning unavailable (" + cpus + " CPUs, taskset "
                    + (Files.isExecutable(TASKSET) ? "present" : "missing") + "): running unpinned");
            return Optional.empty();
        }
        return Optional.of(new CpuPinning(cpus - 1, cpus == 2 ? "0" : "0-" + (cpus - 2)));
    }

    /** What to put before a forwarder's command line. */
    List<String> forwarderPrefix() {
        return List.of(TASKSET.toString(), "-c", Integer.toString(forwarderCpu));
    }

    /** Moves every thread of this JVM (and the threads it starts later) onto the load CPUs. */
    void pinThisProcess() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(TASKSET.toString(), "-a", "-p", "-c", loadCpus,
                Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("taskset could not pin the load generator to CPUs " + loadCpus);
        }
    }

    @Override
    public String toString() {
        return "forwarder on CPU " + forwarderCpu + ", load generator on CPUs " + loadCpus;
    }
}
