// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.local.junit.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Join time on loopback: from opening a page to the first remote video frame it shows (the
 * pages' {@code cascade.state().firstFrameMs}, taken by requestVideoFrameCallback and counted
 * from the page's own navigation start, so it includes camera start, the signaling socket, the
 * call or room handshake, ICE, DTLS and the first keyframe's decode). Three shapes, each run
 * {@code --runs} times with fresh Chromium processes (fake camera and microphone), one per page:
 * <ul>
 *   <li>{@code call}: a 1:1 call, peer to peer. The callee's page ({@code autoaccept=1}) is open
 *       and connected; the caller's page opens with {@code call=}: its time is the figure.</li>
 *   <li>{@code mesh}: a third member joins a room of two (mesh): time to its first remote frame
 *       and to frames from everyone.</li>
 *   <li>{@code sfu}: a fourth member joins a room of three in SFU mode (the first member reports
 *       a 100 kbps uplink, which sets the room's mesh threshold to 2): it publishes simulcast and
 *       subscribes to three streams through the relay.</li>
 * </ul>
 * The node is the application jar started on free ports ({@link AppNode}), or {@code --url} of a
 * running one. Prints p50 and p95 (nearest rank; with few runs p95 is the maximum) per shape, the
 * call's over the floor's, then one JSON line.
 *
 * <pre>
 * bin/cascade bench join [--runs 5] [--shapes call,mesh,sfu] [--url http://127.0.0.1:8080] [--jar PATH]
 * </pre>
 */
public final class JoinTimeBench {
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final Duration READY = Duration.ofSeconds(60);
    private static final String SMALL = "&w=320&h=180";

    private JoinTimeBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int runs = Integer.parseInt(opts.getOrDefault("runs", "5"));
        if (runs < 1 || runs > 50) {
            throw new IllegalArgumentException("--runs 1..50");
        }
        List<String> shapes = List.of(opts.getOrDefault("shapes", "call,mesh,sfu").split(","));
        for (String s : shapes) {
            if (!List.of("call", "mesh", "sfu").contains(s)) {
                throw new IllegalArgumentException("unknown shape " + s + "; known: call, mesh, sfu");
            }
        }
        if (!Chromium.available()) {
            System.out.println("join: needs " + Chromium.BINARY + " (apt-get install chromium)");
            System.exit(2);
        }
        Path data = Files.createTempDirectory("cascade-join-bench");
        try (AppNode node = opts.containsKey("url") ? AppNode.attach(opts.get("url"), "dev")
                : AppNode.start(Path.of(opts.getOrDefault("jar", "infra/app/target/quarkus-app/quarkus-run.jar")),
                        data, data.resolve("node.log"), Duration.ofSeconds(120))) {
            System.out.println("join: node at " + node.base() + ", " + runs + " runs per shape, load "
                    + io.cascade.distribution.bench.BenchArgs.loadAverage());
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("bench", "join");
            report.put("runs", runs);
            try (JoinTimeFloor floor = JoinTimeFloor.start()) {
                for (String shape : shapes) {
                    shape(node, floor, shape, runs, report);
                }
            }
            System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(report));
        }
    }

    /**
     * {@code runs} runs of one shape, printed and summarised into {@code report}; for the call,
     * each run is followed by a floor run, and the floor's summary and call/floor go there too.
     */
    private static void shape(AppNode node, JoinTimeFloor floor, String shape, int runs,
            Map<String, Object> report) throws Exception {
        List<Long> first = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        List<Long> floors = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long[] t = switch (shape) {
                case "call" -> call(node, r);
                case "mesh" -> room(node, "mesh", r, 2, "");
                default -> room(node, "sfu", r, 3, "&uplink=100");
            };
            first.add(t[0]);
            all.add(t[1]);
            System.out.printf(Locale.ROOT, "  %s run %d: first remote frame %d ms, all remote frames %d ms%n",
                    shape, r + 1, t[0], t[1]);
            if (shape.equals("call")) {
                floors.add(floor.run());
                System.out.printf(Locale.ROOT, "  floor run %d: first remote frame %d ms%n", r + 1, floors.getLast());
            }
        }
        Percentiles p = Percentiles.of(first);
        System.out.printf(Locale.ROOT, "%s: page open -> first remote frame p50 %d ms, p95 %d ms (min %d, max %d); "
                + "-> frames from everyone p50 %d ms%n", shape, p.p50(), p.p95(), p.min(), p.max(), Percentiles.of(all).p50());
        if (!floors.isEmpty()) {
            Percentiles f = Percentiles.of(floors);
            System.out.printf(Locale.ROOT, "floor (browser only, no Cascade): page open -> first remote frame p50 %d ms, "
                    + "p95 %d ms (min %d, max %d); call/floor p50 %.2f, p95 %.2f%n", f.p50(), f.p95(), f.min(), f.max(),
                    (double) p.p50() / f.p50(), (double) p.p95() / f.p95());
            report.put("floor", Map.of("first_frame_ms", f));
            Map<String, Double> ratio = new LinkedHashMap<>();
            ratio.put("p50", Math.round(100.0 * p.p50() / f.p50()) / 100.0);
            ratio.put("p95", Math.round(100.0 * p.p95() / f.p95()) / 100.0);
            report.put("call_over_floor", ratio);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("first_frame_ms", p);
        s.put("all_frames_ms", Percentiles.of(all));
        report.put(shape, s);
    }

    /** A 1:1 call: the callee waits connected with autoaccept; the caller's page is timed. */
    private static long[] call(AppNode node, int run) throws Exception {
        String callee = "jb-callee-" + run + "-" + ProcessHandle.current().pid();
        String caller = "jb-caller-" + run + "-" + ProcessHandle.current().pid();
        try (Chromium calleeBrowser = Chromium.start(); Chromium callerBrowser = Chromium.start()) {
            String b = calleeBrowser.open(node.base() + "/app?user=" + callee + "&autoaccept=1");
            waitUntil(calleeBrowser, b, "cascade.state().connected", JsonNode::asBoolean);
            String a = callerBrowser.open(node.base() + "/app?user=" + caller + "&call=" + callee);
            JsonNode t = waitUntil(callerBrowser, a, "cascade.state().firstFrameMs", JsonNode::isNumber);
            return new long[] {t.asLong(), t.asLong()};
        }
    }

    /**
     * {@code present} members in a room, all seeing each other; then one more joins, timed. One
     * browser per member: a background tab gets no requestVideoFrameCallback.
     */
    private static long[] room(AppNode node, String kind, int run, int present, String firstExtra) throws Exception {
        String room = "jb-" + kind + "-" + run + "-" + ProcessHandle.current().pid();
        List<Chromium> browsers = new ArrayList<>();
        try {
            List<String> pages = new ArrayList<>();
            for (int i = 0; i < present; i++) {
                Chromium c = Chromium.start();
                browsers.add(c);
                pages.add(c.open(node.base() + "/meet/" + room + "?name=m" + i + SMALL + (i == 0 ? firstExtra : "")));
            }
            for (int i = 0; i < present; i++) {
                waitUntil(browsers.get(i), pages.get(i),
                        "Object.values(cascade.state().firstFrameMs).filter(v => v !== null).length",
                        v -> v.asInt() >= present - 1);
            }
            Chromium c = Chromium.start();
            browsers.add(c);
            String joiner = c.open(node.base() + "/meet/" + room + "?name=joiner" + SMALL);
            JsonNode frames = waitUntil(c, joiner, "(() => { const f = Object.values(cascade.state().firstFrameMs)"
                    + ".filter(v => v !== null); return f.length >= " + present + " ? f : null; })()", JsonNode::isArray);
            long min = Long.MAX_VALUE;
            long max = 0;
            for (JsonNode f : frames) {
                min = Math.min(min, f.asLong());
                max = Math.max(max, f.asLong());
            }
            System.out.println("    joiner's timeline (ms since navigation): "
                    + c.evaluate(joiner, "cascade.state().timeline.map(t => t[0] + ' ' + t[1]).join(', ')", STEP).asText());
            JsonNode mode = c.evaluate(joiner, "cascade.state().mode", STEP);
            if (!mode.asText().equals(kind)) {
                throw new IllegalStateException("room " + room + " is in mode " + mode + ", expected " + kind);
            }
            return new long[] {min, max};
        } finally {
            browsers.forEach(Chromium::close);
        }
    }

    static JsonNode waitUntil(Chromium chromium, String page, String expression, Predicate<JsonNode> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = chromium.evaluate(page, expression, STEP);
                if (last != null && !last.isMissingNode() && !last.isNull() && done.test(last)) {
                    return last;
                }
            } catch (AssertionError e) {
                // the page's script is not there yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for " + expression + " (last: " + last + ")");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --runs N --shapes call,mesh,sfu --url URL --jar PATH");
            }
            String key = args[i].substring(2);
            if (!List.of("runs", "shapes", "url", "jar").contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key);
            }
            out.put(key, args[++i]);
        }
        return out;
    }

    /** p50, p95, min and max of a few samples (nearest rank: the ceil(q * n)-th smallest). */
    record Percentiles(long p50, long p95, long min, long max, int n) {
        static Percentiles of(List<Long> samples) {
            List<Long> s = new ArrayList<>(samples);
            s.sort(null);
            return new Percentiles(rank(s, 0.50), rank(s, 0.95), s.getFirst(), s.getLast(), s.size());
        }

        private static long rank(List<Long> sorted, double q) {
            return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
        }
    }
}
