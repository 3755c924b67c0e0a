// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.relay;

import io.cascade.distribution.control.StreamSource;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.tap.StreamCatalog;
import io.cascade.transcode.Transcoder;
import io.cascade.transcode.ladder.LadderConfig;
import io.cascade.transcode.worker.AssignmentKey;
import io.cascade.transcode.worker.FormatJobs;
import io.cascade.transcode.worker.InputPendingException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A worker's ladder jobs, wherever the program enters: the program is made present on this node's
 * relay first ({@code programs}: the tier's puller, which pulls it from the node that announces it
 * when it is not published here, and does nothing when it is), then a {@link TranscodeJob} reads it
 * locally, with the formats the (directory-backed) catalog has for it. The start never blocks the
 * worker's tick for long (the same thread renews its lease): a pull still under way after
 * {@code pullWait} answers {@link InputPendingException}, and the next tick finds the program
 * here. A program that cannot be had fails the start, and the worker steps back from the format.
 */
public final class LadderJobs implements FormatJobs {
    private final RelayNode relay;
    private final StreamSource programs;
    private final StreamCatalog catalog;
    private final LadderConfig ladder;
    private final String host;
    private final Duration pullWait;

    public LadderJobs(RelayNode relay, StreamSource programs, StreamCatalog catalog, LadderConfig ladder, String host,
                      Duration pullWait) {
        this.relay = relay;
        this.programs = programs;
        this.catalog = catalog;
        this.ladder = ladder;
        this.host = host;
        this.pullWait = pullWait;
    }

    @Override
    public Transcoder start(AssignmentKey key) throws IOException, InterruptedException, InputPendingException {
        StreamName program = TranscodeJob.programOf(key.broadcast());
        try {
            programs.ensure(program).get(pullWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("program " + program + " not on this node: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new InputPendingException("program " + program + " still being pulled");
        }
        return TranscodeJob.start(relay, catalog, key.broadcast(), ladder, host);
    }
}
