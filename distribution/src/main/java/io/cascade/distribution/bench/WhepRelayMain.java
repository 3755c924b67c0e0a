// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@link WhepRelay} as a process for {@link WhepBench}, so that its CPU time (GC, JIT, DTLS and
 * HTTP threads included) is read apart from the load's. Arguments: {@code --threads N --limit S}.
 * Prints {@code whep URI} and {@code ingress ip:port}, then {@code ready}; then answers each
 * {@code stats} line on standard input with one JSON line of counters; stops at end of input or
 * after {@code --limit} seconds.
 */
public final class WhepRelayMain {
    private WhepRelayMain() {
    }

    public static void main(String[] args) throws Exception {
        int threads = 1;
        long limit = 300;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--limit" -> limit = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        var stopper = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().unstarted(r));
        stopper.schedule(() -> System.exit(3), limit, TimeUnit.SECONDS);
        try (WhepRelay relay = new WhepRelay(threads)) {
            InetSocketAddress ingress = relay.publish("live", "127.0.0.1");
            System.out.println("whep " + relay.whep("live"));
            System.out.println("ingress " + ingress.getAddress().getHostAddress() + ":" + ingress.getPort());
            System.out.println("ready");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("stats")) {
                    System.out.println(Json.write(relay.counters()));
                    System.out.flush();
                }
            }
        }
        System.exit(0);
    }
}
