// SPDX-License-Identifier: Apache-2.0
package io.cascade.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cascade.local.junit.Chromium;
import java.time.Duration;

/** Driving the meeting page ({@code /meet/{room}}) in Chromium, for the room tests. */
final class MeetPages {
    private MeetPages() {
    }

    /** Opens {@code url} and waits until the page has joined its room; a navigation under the wait is retried. */
    static String join(Chromium chromium, String url, Duration bound) {
        String session = chromium.open(url);
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            try {
                waitFor(chromium, session, "window.cascade && cascade.state().joined", bound);
                return session;
            } catch (IllegalStateException e) { // the page navigated under the evaluation
                if (!String.valueOf(e.getMessage()).contains("context") || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    /** JS: the stats once {@code peers} remote peers each decoded {@code frames} frames over {@code mode}. */
    static String allDecode(int peers, String mode, int frames) {
        return "(async () => { const s = await cascade.stats(); return s.length === " + peers
                + " && s.every(p => p.mode === '" + mode + "' && p.framesDecoded >= " + frames + ") ? s : null; })()";
    }

    /**
     * Polls {@code expression} in the page (every 200 ms, awaited) until it is truthy and returns
     * its value; after {@code bound}, fails with the page's state and stats.
     */
    static JsonNode waitFor(Chromium chromium, String session, String expression, Duration bound) {
        String js = "(async () => { const end = Date.now() + " + bound.toMillis() + ";"
                + " while (Date.now() < end) {"
                + "   try { const v = await (async () => (" + expression + "))(); if (v) return v; } catch (e) {}"
                + "   await new Promise(r => setTimeout(r, 200)); }"
                + " return { timedOut: true, state: window.cascade ? window.cascade.state() : null,"
                + "   stats: window.cascade ? await window.cascade.stats() : null }; })()";
        JsonNode v = chromium.evaluate(session, js, bound.plusSeconds(5));
        if (v.path("timedOut").asBoolean()) {
            throw new AssertionError("not within " + bound + ": " + expression + "; page: " + v);
        }
        return v;
    }
}
