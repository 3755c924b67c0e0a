// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.worker;

import io.cascade.transcode.Transcoder;

/**
 * Starts the work of one assigned format on this node: in the application a
 * {@code relay.TranscodeJob} on the local relay, in tests a fake. A job that cannot start throws;
 * the worker then steps back from that format for a while so another worker can try. A job whose
 * input is still on its way throws {@link InputPendingException}: the worker tries again at its
 * next tick, keeping the format.
 */
@FunctionalInterface
public interface FormatJobs {
    Transcoder start(AssignmentKey key) throws Exception;
}
