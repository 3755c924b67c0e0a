// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

/** Receives each NAL unit of a buffer as an (offset, length) view; the header byte is at offset. */
@FunctionalInterface
public interface NalVisitor {

    void nal(byte[] buffer, int offset, int length);
}
