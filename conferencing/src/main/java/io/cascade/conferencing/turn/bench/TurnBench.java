// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/cascade bench turn}: our TURN server and coturn side by side, in one run, on one
 * machine, under the same load from this process (see docs/BENCHMARKS.md).
 *
 * <p>Both servers run as child processes on 127.0.0.1 (coturn with the PEERS.md command line and
 * its default thread per core; ours in its own JVM, a thread per core), so that each one's CPU
 * time can be read from /proc. Phases, each on both servers back to back: STUN Binding rate
 * (closed loop); relay throughput and round trip with ChannelData (closed loop); round trip at a
 * fixed nominal rate with ChannelData; the same two with Send/Data indications. Prints a table and,
 * last, one JSON line.
 */
public final class TurnBench {
    private TurnBench() {}

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        if (o == null) {
            return;
        }
        List<ServerProcess> servers = new ArrayList<>();
        try {
            servers.add(ServerProcess.cascade(o.port, 50000, 50999));
            if (o.coturn) {
                servers.add(ServerProcess.coturn(o.port + 1000, 51000, 51999));
            }
            run(o, servers);
        } finally {
            for (ServerProcess server : servers) {
                server.close();
            }
        }
    }

    private static void run(Options o, List<ServerProcess> servers) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        Map<String, RelayEchoLoad> channelLoads = new LinkedHashMap<>();
        Map<String, RelayEchoLoad> sendLoads = new LinkedHashMap<>();
        for (ServerProcess server : servers) {
            InetSocketAddress address = new InetSocketAddress(loopback, server.name.equals("cascade") ? o.port : o.port + 1000);
            results.put(server.name, new LinkedHashMap<>());
            channelLoads.put(server.name, RelayEchoLoad.setUp(address, "test", "test", o.pairs,
                    RelayEchoLoad.Framing.CHANNEL_DATA, o.payload));
            sendLoads.put(server.name, RelayEchoLoad.setUp(address, "test", "test", o.pairs,
                    RelayEchoLoad.Framing.SEND_INDICATION, o.payload));
            // Warm-up, not measured: the JIT of our server, and of this load generator in every
            // mode it runs (otherwise whichever server goes first pays for compiling it).
            BindingLoad.run(address, o.sockets, o.bindingWindow, o.warmup);
            for (RelayEchoLoad load : List.of(channelLoads.get(server.name), sendLoads.get(server.name))) {
                load.closedLoop(o.window, o.warmup);
                load.paced(o.rate, o.warmup);
            }
        }
        for (ServerProcess server : servers) {
            InetSocketAddress address = new InetSocketAddress(loopback, server.name.equals("cascade") ? o.port : o.port + 1000);
            double cpu0 = server.cpuSeconds();
            BindingLoad.Result binding = BindingLoad.run(address, o.sockets, o.bindingWindow, o.duration);
            double cpu = server.cpuSeconds() - cpu0;
            Map<String, Object> r = results.get(server.name);
            r.put("binding_per_s", Math.round(binding.perSecond()));
            r.put("binding_per_cpu_s", cpu > 0 ? Math.round(binding.responses() / cpu) : -1);
            r.put("binding_server_cpu", round(cpu / binding.seconds()));
        }
        for (String mode : List.of("channel", "send")) {
            // Alternate which server goes first, so that drift on a shared machine favours neither.
            List<ServerProcess> order = new ArrayList<>(servers);
            if (mode.equals("send")) {
                Collections.reverse(order);
            }
            for (ServerProcess server : order) {
                RelayEchoLoad load = (mode.equals("channel") ? channelLoads : sendLoads).get(server.name);
                double cpu0 = server.cpuSeconds();
                RelayEchoLoad.Result saturated = load.closedLoop(o.window, o.duration);
                double cpu = server.cpuSeconds() - cpu0;
                double pacedCpu0 = server.cpuSeconds();
                RelayEchoLoad.Result paced = load.paced(o.rate, o.pacedDuration);
                double pacedCpu = server.cpuSeconds() - pacedCpu0;
                Map<String, Object> r = results.get(server.name);
                r.put(mode + "_relayed_per_s", Math.round(saturated.relayedPerSecond()));
                r.put(mode + "_relayed_per_cpu_s", cpu > 0 ? Math.round(saturated.relayed() / cpu) : -1);
                r.put(mode + "_server_cpu", round(cpu / saturated.seconds()));
                r.put(mode + "_rtt_p50_us", saturated.rtt().percentileMicros(0.50));
                r.put(mode + "_rtt_p99_us", saturated.rtt().percentileMicros(0.99));
                r.put(mode + "_paced_relayed_per_s", Math.round(paced.relayedPerSecond()));
                r.put(mode + "_paced_rtt_p50_us", paced.rtt().percentileMicros(0.50));
                r.put(mode + "_paced_rtt_p99_us", paced.rtt().percentileMicros(0.99));
                r.put(mode + "_paced_lost", paced.lost());
                // CPU the server spent at the same nominal load: the efficiency figure that depends
                // least on what else the machine is doing.
                r.put(mode + "_paced_server_cpu", round(pacedCpu / paced.seconds()));
            }
        }
        channelLoads.values().forEach(TurnBench::closeQuietly);
        sendLoads.values().forEach(TurnBench::closeQuietly);
        report(o, results);
    }

    private static void report(Options o, Map<String, Map<String, Object>> results) {
        System.out.printf(Locale.ROOT, "%nTURN benchmark: %d CPUs, loopback, %d pairs, window %d, %d-byte payloads, "
                + "%d s per phase; paced phases at %d pings/s (%d relayed/s)%n", Runtime.getRuntime().availableProcessors(),
                o.pairs, o.window, o.payload, o.duration.toSeconds(), o.rate, 2 * o.rate);
        List<String> keys = new ArrayList<>(results.values().iterator().next().keySet());
        System.out.printf(Locale.ROOT, "%-30s", "");
        results.keySet().forEach(name -> System.out.printf(Locale.ROOT, "%14s", name));
        if (results.size() == 2) {
            System.out.printf(Locale.ROOT, "%14s", "ratio");
        }
        System.out.println();
        for (String key : keys) {
            System.out.printf(Locale.ROOT, "%-30s", key);
            List<Double> values = new ArrayList<>();
            for (Map<String, Object> r : results.values()) {
                System.out.printf(Locale.ROOT, "%14s", r.get(key));
                values.add(((Number) r.get(key)).doubleValue());
            }
            if (values.size() == 2 && values.get(1) != 0) {
                System.out.printf(Locale.ROOT, "%14.2f", values.get(0) / values.get(1));
            }
            System.out.println();
        }
        StringBuilder json = new StringBuilder("{\"bench\":\"turn\",\"cpus\":" + Runtime.getRuntime().availableProcessors()
                + ",\"pairs\":" + o.pairs + ",\"window\":" + o.window + ",\"payload\":" + o.payload
                + ",\"phase_s\":" + o.duration.toSeconds() + ",\"paced_pings_per_s\":" + o.rate + ",\"results\":{");
        String separator = "";
        for (var entry : results.entrySet()) {
            json.append(separator).append('"').append(entry.getKey()).append("\":{");
            String inner = "";
            for (var value : entry.getValue().entrySet()) {
                json.append(inner).append('"').append(value.getKey()).append("\":").append(value.getValue());
                inner = ",";
            }
            json.append('}');
            separator = ",";
        }
        System.out.println(json.append("}}"));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void closeQuietly(RelayEchoLoad load) {
        try {
            load.close();
        } catch (IOException ignored) {
            // closing sockets at the end of the run
        }
    }

    /** Command-line options; {@code --help} prints them. */
    private record Options(int port, boolean coturn, int pairs, int window, int sockets, int bindingWindow, int payload,
            int rate, Duration duration, Duration pacedDuration, Duration warmup) {
        static Options parse(String[] args) {
            Map<String, String> a = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--help") || args[i].equals("-h")) {
                    System.out.println("""
                            bin/cascade bench turn [--pairs 16] [--window 8] [--payload 160] [--sockets 32]
                                                   [--binding-window 16] [--rate 10000] [--seconds 4] [--paced-seconds 3]
                                                   [--warmup-seconds 1] [--port 40478] [--no-coturn]
                              Ours on --port, coturn 4.6.1 (turnserver) on --port + 1000, both on 127.0.0.1.""");
                    return null;
                }
                if (args[i].equals("--no-coturn")) {
                    a.put("no-coturn", "true");
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    a.put(args[i].substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument " + args[i] + " (see --help)");
                }
            }
            return new Options(num(a, "port", 40478), !a.containsKey("no-coturn"), num(a, "pairs", 16), num(a, "window", 8),
                    num(a, "sockets", 32), num(a, "binding-window", 16), num(a, "payload", 160), num(a, "rate", 10_000),
                    Duration.ofSeconds(num(a, "seconds", 4)), Duration.ofSeconds(num(a, "paced-seconds", 3)),
                    Duration.ofSeconds(num(a, "warmup-seconds", 1)));
        }

        private static int num(Map<String, String> a, String key, int fallback) {
            return a.containsKey(key) ? Integer.parseInt(a.get(key)) : fallback;
        }
    }
}
