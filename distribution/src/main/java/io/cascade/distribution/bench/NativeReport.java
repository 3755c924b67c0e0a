// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One report line of the native receiver ({@code tsrecv.c}): its counters, and per phase the
 * deliveries and the latency histogram as {@code [bucket, count]} pairs in
 * {@link LatencyHistogram}'s layout.
 *
 * @param received           datagrams read
 * @param batches            recvmmsg(2) calls that returned datagrams
 * @param invalid            datagrams that were not the bench's RTP
 * @param untimed            datagrams without a kernel timestamp (read time used instead)
 * @param negative           latencies below zero (clocks disagreeing; recorded as 0)
 * @param lost               sequence-number gaps over all subscribers and streams
 * @param late               packets that arrived behind a later one
 * @param duplicates         packets seen twice
 * @param lostPerSubscriber  gaps per subscriber socket, in address order
 * @param delivered          per phase, packets delivered
 * @param latency            per phase, their latency in microseconds
 */
record NativeReport(long received, long batches, long invalid, long untimed, long negative, long lost, long late,
        long duplicates, long[] lostPerSubscriber, long[] delivered, LatencyHistogram[] latency) {

    /**
     * @throws IllegalArgumentException when the line is not a report of the expected shape
     */
    static NativeReport parse(String line) {
        try {
            JsonObject json = new JsonObject(line);
            JsonArray phases = json.getJsonArray("phases");
            if (phases.size() != SubscriberSink.PHASES) {
                throw new IllegalArgumentException("expected " + SubscriberSink.PHASES + " phases: " + phases.size());
            }
            long[] delivered = new long[phases.size()];
            LatencyHistogram[] latency = new LatencyHistogram[phases.size()];
            for (int p = 0; p < phases.size(); p++) {
                JsonObject phase = phases.getJsonObject(p);
                delivered[p] = phase.getLong("delivered");
                latency[p] = new LatencyHistogram();
                for (Object pair : phase.getJsonArray("buckets")) {
                    JsonArray bucket = (JsonArray) pair;
                    latency[p].addBucket(bucket.getInteger(0), bucket.getLong(1));
                }
                latency[p].includeMax(phase.getLong("max_us"));
            }
            JsonArray perSubscriber = json.getJsonArray("lost_per_subscriber");
            long[] lostPerSubscriber = new long[perSubscriber.size()];
            for (int i = 0; i < lostPerSubscriber.length; i++) {
                lostPerSubscriber[i] = perSubscriber.getLong(i);
            }
            return new NativeReport(json.getLong("received"), json.getLong("batches"), json.getLong("invalid"),
                    json.getLong("untimed"), json.getLong("negative"), json.getLong("lost"), json.getLong("late"),
                    json.getLong("duplicates"), lostPerSubscriber, delivered, latency);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a tsrecv report: " + abbreviate(line), e);
        }
    }

    private static String abbreviate(String line) {
        return line == null || line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    /** The counters the latency columns do not show, for the run's JSON. */
    Map<String, Object> details() {
        long worst = 0;
        for (long l : lostPerSubscriber) {
            worst = Math.max(worst, l);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sequence_lost", lost);
        out.put("sequence_lost_worst_subscriber", worst);
        out.put("late", late);
        out.put("duplicates", duplicates);
        out.put("negative_latency", negative);
        out.put("untimed", untimed);
        return out;
    }
}
