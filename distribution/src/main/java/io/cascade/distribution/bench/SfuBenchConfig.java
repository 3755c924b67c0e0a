// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The SFU load ({@link SfuBench}). Two room shapes:
 * <ul>
 *   <li>{@code rooms}: rooms of {@code roomSize} participants, each publishing a simulcast camera
 *       and subscribing to every other member's; {@code steps} are room counts;
 *   <li>{@code big}: one room with {@code publishers} camera publishers (who subscribe to nothing)
 *       and subscribers-only members who subscribe to every publisher; {@code steps} are
 *       subscriber counts (LiveKit's 150 + 150 shape, scaled down).
 * </ul>
 * Each step is measured for {@code phase} after {@code settle}; the ramp stops at loss above
 * {@code maxLossPercent}, at CPU saturation, or when the next step would end after {@code budget}.
 *
 * @param shape          {@code rooms} or {@code big}
 * @param roomSize       participants per room (rooms shape), 2..50
 * @param publishers     publishers of the big room, 1..500
 * @param steps          rooms, or the big room's subscribers, increasing, 1..2000
 * @param phase          measured time per step, 1..60 s
 * @param settle         unmeasured time after a step's peers connected, 0..20 s
 * @param budget         wall-clock bound of the whole ramp, 10..900 s
 * @param maxLossPercent loss that ends the ramp, in percent
 * @param loadThreads    event-loop threads of the synthetic peers, 1..64
 * @param relayThreads   media threads of the relay, 1..64
 * @param camera         what each publisher sends
 * @param connectAtOnce  offers in flight at once while a step connects, 1..256
 */
public record SfuBenchConfig(String shape, int roomSize, int publishers, List<Integer> steps, Duration phase,
                             Duration settle, Duration budget, double maxLossPercent, int loadThreads,
                             int relayThreads, CameraProfile camera, int connectAtOnce) {
    private static final Set<String> KEYS = Set.of("shape", "room-size", "publishers", "steps", "phase-ms",
            "settle-ms", "budget-s", "max-loss", "load-threads", "relay-threads", "codec", "fps", "layers-kbps",
            "connect-at-once");

    public SfuBenchConfig {
        steps = List.copyOf(steps);
        require(shape.equals("rooms") || shape.equals("big"), "shape rooms or big");
        require(roomSize >= 2 && roomSize <= 50, "room-size 2..50");
        require(publishers >= 1 && publishers <= 500, "publishers 1..500");
        require(!steps.isEmpty() && steps.stream().allMatch(s -> s >= 1 && s <= 2000), "steps 1..2000");
        for (int i = 1; i < steps.size(); i++) {
            require(steps.get(i) > steps.get(i - 1), "steps must increase");
        }
        require(phase.compareTo(Duration.ofSeconds(1)) >= 0 && phase.compareTo(Duration.ofSeconds(60)) <= 0,
                "phase 1..60 s");
        require(!settle.isNegative() && settle.compareTo(Duration.ofSeconds(20)) <= 0, "settle 0..20 s");
        require(budget.compareTo(Duration.ofSeconds(10)) >= 0 && budget.compareTo(Duration.ofSeconds(900)) <= 0,
                "budget 10..900 s");
        require(maxLossPercent >= 0 && maxLossPercent <= 100, "max-loss 0..100 (percent)");
        require(loadThreads >= 1 && loadThreads <= 64, "load-threads 1..64");
        require(relayThreads >= 1 && relayThreads <= 64, "relay-threads 1..64");
        require(connectAtOnce >= 1 && connectAtOnce <= 256, "connect-at-once 1..256");
        int last = steps.getLast();
        long sessions = shape.equals("rooms") ? (long) last * roomSize * roomSize : publishers + (long) last * publishers;
        require(sessions <= 20_000, "the last step needs more than 20000 sessions: " + sessions);
    }

    /**
     * Rooms of 5 (each member sends a 720p simulcast camera and takes the 4 others'), 1 to 32
     * rooms, 5 s phases after 3 s of settling, within 150 s.
     */
    public static SfuBenchConfig defaults() {
        return new SfuBenchConfig("rooms", 5, 10, List.of(1, 2, 4, 8, 16, 32), Duration.ofSeconds(5),
                Duration.ofSeconds(3), Duration.ofSeconds(150), 0.1, 1, 1, CameraProfile.hd720(), 16);
    }

    /** Participants at step value {@code step}: publishers plus subscribers-only members. */
    int participants(int step) {
        return shape.equals("rooms") ? step * roomSize : publishers + step;
    }

    /** WebRTC sessions at step value {@code step}: one per publication, one per subscription. */
    int sessions(int step) {
        return shape.equals("rooms") ? step * roomSize * roomSize : publishers + step * publishers;
    }

    /** A line naming the shape, for the summary. */
    String describe() {
        return shape.equals("rooms")
                ? String.format(Locale.ROOT, "rooms of %d (each member publishes and subscribes to the %d others)",
                        roomSize, roomSize - 1)
                : String.format(Locale.ROOT, "one room: %d publishers, subscribers-only members taking all %d",
                        publishers, publishers);
    }

    /** Parses {@code --key value} or {@code --key=value} over {@link #defaults()}; unknown keys fail. */
    public static SfuBenchConfig parse(String... args) {
        Map<String, String> v = BenchArgs.parse(KEYS, args);
        SfuBenchConfig d = defaults();
        String shape = v.getOrDefault("shape", d.shape());
        List<Integer> steps = v.containsKey("steps") ? ints(v.get("steps"))
                : shape.equals("big") ? List.of(10, 20, 40, 80, 160) : d.steps();
        CameraProfile c = d.camera();
        CameraProfile camera = new CameraProfile(v.getOrDefault("codec", c.codec()).toUpperCase(Locale.ROOT),
                (int) number(v, "fps", c.fps()),
                v.containsKey("layers-kbps") ? ints(v.get("layers-kbps")) : c.layerKbps(), c.keyframeScale());
        return new SfuBenchConfig(shape,
                (int) number(v, "room-size", d.roomSize()),
                (int) number(v, "publishers", d.publishers()),
                steps,
                Duration.ofMillis(number(v, "phase-ms", d.phase().toMillis())),
                Duration.ofMillis(number(v, "settle-ms", d.settle().toMillis())),
                Duration.ofSeconds(number(v, "budget-s", d.budget().toSeconds())),
                v.containsKey("max-loss") ? Double.parseDouble(v.get("max-loss")) : d.maxLossPercent(),
                (int) number(v, "load-threads", d.loadThreads()),
                (int) number(v, "relay-threads", d.relayThreads()),
                camera,
                (int) number(v, "connect-at-once", d.connectAtOnce()));
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static long number(Map<String, String> values, String key, long fallback) {
        return values.containsKey(key) ? Long.parseLong(values.get(key)) : fallback;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
