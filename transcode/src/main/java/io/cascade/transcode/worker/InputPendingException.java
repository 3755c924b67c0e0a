// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.worker;

/**
 * A job could not start yet because its input is still on its way (a program being pulled from
 * another node): the worker keeps the format and tries again at its next tick, without stepping
 * back. Work that cannot come at all throws another exception instead.
 */
public final class InputPendingException extends Exception {
    public InputPendingException(String message) {
        super(message);
    }
}
