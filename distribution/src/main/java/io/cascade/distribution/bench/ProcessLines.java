// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The standard output of a bench helper process, line by line, read on a daemon thread so that
 * the helper never blocks on a full pipe and the bench can wait for a line with a bound.
 */
final class ProcessLines {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    ProcessLines(Process process, String threadName) {
        Thread reader = new Thread(() -> read(process), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Process process) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process is gone; what it printed is in the queue
        }
    }

    /** The next line, or null after {@code wait} (or when interrupted). */
    String poll(Duration wait) {
        try {
            return lines.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
