// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What every benchmark's command line and summary share: {@code --key value} options, the host's load. */
public final class BenchArgs {
    private BenchArgs() {
    }

    /**
     * {@code --key value} or {@code --key=value} pairs.
     *
     * @throws IllegalArgumentException for a key not in {@code known}, a missing value, or a bare word
     */
    public static Map<String, String> parse(Set<String> known, String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            require(arg.startsWith("--"), "expected --key, got " + arg);
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            require(known.contains(key), "unknown option --" + key + "; known: " + known);
            require(eq >= 0 || i + 1 < args.length, "--" + key + " needs a value");
            values.put(key, eq < 0 ? args[++i] : arg.substring(eq + 1));
        }
        return values;
    }

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} has them, or {@code ?}. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f.length >= 3 ? f[0] + " " + f[1] + " " + f[2] : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
