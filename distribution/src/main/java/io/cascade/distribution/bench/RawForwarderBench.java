// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The kernel's own limit on this host: {@link RelayLoad} against the raw forwarder only, at
 * fan-out 1:10 and 1:100 unless {@code --fan-out} says otherwise. Takes RelayLoad's options.
 */
public final class RawForwarderBench {
    private RawForwarderBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = new ArrayList<>(Arrays.asList(args));
        if (!options.contains("--fan-out") && options.stream().noneMatch(o -> o.startsWith("--fan-out="))) {
            options.addAll(List.of("--fan-out", "10,100"));
        }
        options.addAll(List.of("--forwarders", "raw"));
        RelayLoad.main(options.toArray(String[]::new));
    }
}
