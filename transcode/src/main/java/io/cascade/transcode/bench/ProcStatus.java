// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory fields of {@code /proc/<pid>/status} (Linux), in KiB: VmRSS now, VmHWM the peak so far. */
final class ProcStatus {

    private ProcStatus() {
    }

    static long kib(long pid, String field) {
        return kib(Path.of("/proc/" + pid + "/status"), field);
    }

    static long selfKib(String field) {
        return kib(Path.of("/proc/self/status"), field);
    }

    private static long kib(Path status, String field) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
