// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

/** A plain TCP client for sending hand-made (and broken) RTMP bytes over loopback. */
final class RawClient implements AutoCloseable {
    private final Socket socket;

    RawClient(int port) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes; a server that already closed may make this fail, which is ignored. */
    RawClient write(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException closedByServer) {
            // The assertions are about what the server did, not about this write.
        }
        return this;
    }

    /** A simple handshake: C0+C1, read S0+S1+S2 (within 5 s), C2 echoing S1. */
    RawClient handshake() {
        byte[] c0c1 = new byte[1537];
        c0c1[0] = 3;
        write(c0c1);
        byte[] response = readFully(3073, Duration.ofSeconds(5));
        return write(Arrays.copyOfRange(response, 1, 1537));
    }

    private byte[] readFully(int length, Duration bound) {
        byte[] buffer = new byte[length];
        int read = 0;
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            InputStream in = socket.getInputStream();
            while (read < length) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("server sent " + read + " of " + length + " bytes within " + bound);
                }
                try {
                    int n = in.read(buffer, read, length - read);
                    if (n < 0) {
                        throw new AssertionError("server closed after " + read + " bytes");
                    }
                    read += n;
                } catch (SocketTimeoutException again) {
                    // poll until the deadline
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer;
    }

    /** Whether the server closes the connection within {@code bound} (reading and dropping what it sends). */
    boolean closedByServerWithin(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        byte[] sink = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            while (System.nanoTime() - deadline < 0) {
                try {
                    if (in.read(sink) < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException again) {
                    // poll until the deadline
                }
            }
            return false;
        } catch (SocketException reset) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
