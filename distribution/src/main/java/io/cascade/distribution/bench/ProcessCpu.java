// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time of another process from {@code /proc/PID/stat} (proc(5)): fields 14 and 15, utime
 * and stime, in clock ticks of {@code sysconf(_SC_CLK_TCK)}. A tick is 10 ms at the usual 100 Hz,
 * so a 3-second phase at one busy core is measured to about 0.3%.
 */
public final class ProcessCpu {
    private static final long TICKS_PER_SECOND = clockTicks();

    private ProcessCpu() {
    }

    /** User + system CPU of {@code pid}, or zero once the process is gone. */
    public static Duration of(long pid) {
        return ticks(pid, true);
    }

    /** System (kernel) CPU of {@code pid} alone, or zero once the process is gone. */
    public static Duration systemOf(long pid) {
        return ticks(pid, false);
    }

    private static Duration ticks(long pid, boolean withUser) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: split after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state), so utime (field 14) is fields[11], stime fields[12].
            long ticks = (withUser ? Long.parseLong(fields[11]) : 0) + Long.parseLong(fields[12]);
            return Duration.ofNanos(ticks * 1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
