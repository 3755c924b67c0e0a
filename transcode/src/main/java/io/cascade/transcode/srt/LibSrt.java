// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The system libsrt (Haivision SRT 1.5, {@code srt/srt.h}), bound through JNA direct mapping, the
 * few calls a listener needs. Loaded once, with {@code RTLD_LOCAL} so that its symbols (and
 * GnuTLS's) do not interpose on the FFmpeg libraries JavaCV loads later. {@link #available()} is
 * false where no libsrt could be loaded; then SRT ingest falls back to FFmpeg's listener
 * ({@link SrtListener#start}).
 *
 * <p>libsrt keeps global state ({@code srt_startup}: its garbage collector thread and socket
 * table) that {@code srt_cleanup} tears down with every socket in it; {@link #acquire} and
 * {@link #release} count the users so that only the last one cleans up.
 *
 * <p>libsrt's own log (stderr) is kept to critical lines; {@code -Dcascade.srt.logLevel=N} (syslog
 * levels: 3 errors, 4 warnings, 7 debug) shows more.
 *
 * <p>Constants are srt.h's (1.5.1): socket options, error codes (1000 x major + minor), reject
 * reasons of access_control.h.
 */
final class LibSrt {
    private static final Logger LOG = Logger.getLogger(LibSrt.class);

    static final int INVALID_SOCK = -1;
    static final int ERROR = -1;

    static final int SRTO_RCVSYN = 2;
    static final int SRTO_RCVTIMEO = 14;
    static final int SRTO_STREAMID = 46;
    static final int SRTO_TRANSTYPE = 50;
    static final int SRTT_LIVE = 0;

    static final int SRT_EPOLL_IN = 0x1;
    static final int SRT_EPOLL_ERR = 0x8;

    static final int SRT_ECONNLOST = 2001;
    static final int SRT_ENOCONN = 2002;
    static final int SRT_EASYNCRCV = 6002;
    static final int SRT_ETIMEOUT = 6003;

    /** access_control.h: the stream id is not one Cascade understands. */
    static final int SRT_REJX_BAD_REQUEST = 1400;
    /** access_control.h: access denied (unknown stream key, or the source refused it). */
    static final int SRT_REJX_FORBIDDEN = 1403;
    /** access_control.h: the resource is locked (its stream key already has a publisher). */
    static final int SRT_REJX_CONFLICT = 1409;

    /** Largest live-mode payload (SRTO_PAYLOADSIZE default 1316 = 7 TS packets; MSS bounds it). */
    static final int MAX_PAYLOAD = 1456;

    private static final String[] NAMES = {"srt", "libsrt.so.1.5", "libsrt-gnutls.so.1.5", "libsrt-openssl.so.1.5"};
    private static final int RTLD_LAZY = 0x1;
    /** syslog's LOG_CRIT, libsrt's log level scale. */
    private static final int LOG_CRIT = 2;
    private static final Object LOCK = new Object();
    private static final Loaded LOADED = logged(load());
    private static int users;

    private LibSrt() {
    }

    /** What loading found: the library's name and version, or why none loaded. */
    private record Loaded(boolean ok, String what) {
    }

    /** True when libsrt is loaded and its calls below can be made. */
    static boolean available() {
        return LOADED.ok();
    }

    /** The loaded library and its version, or why none could be loaded. */
    static String description() {
        return LOADED.what();
    }

    private static Loaded load() {
        List<String> names = new ArrayList<>();
        String forced = System.getProperty("cascade.srt.library");
        if (forced != null) {
            if (forced.isBlank() || forced.equals("none")) {
                return new Loaded(false, "disabled by -Dcascade.srt.library=" + forced);
            }
            names.add(forced);
        } else {
            names.addAll(List.of(NAMES));
        }
        List<String> failures = new ArrayList<>();
        for (String name : names) {
            try {
                NativeLibrary lib = NativeLibrary.getInstance(name, Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY));
                Native.register(LibSrt.class, lib);
                int v = srt_getversion();
                if (v < 0x010500) {
                    return new Loaded(false, lib.getFile() + " is libsrt " + version(v) + ", 1.5 or later is needed");
                }
                // libsrt logs to stderr; at its default (errors) a sender of junk datagrams makes it
                // write a line per datagram. Our own logs say what happens to each connection.
                srt_setloglevel(Integer.getInteger("cascade.srt.logLevel", LOG_CRIT));
                return new Loaded(true, lib.getFile() + " (libsrt " + version(v) + ")");
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                failures.add(name + ": " + e.getMessage());
            }
        }
        return new Loaded(false, "no libsrt found (" + String.join("; ", failures) + ")");
    }

    private static Loaded logged(Loaded l) {
        if (l.ok()) {
            LOG.infof("SRT ingest through the system libsrt: %s", l.what());
        } else {
            LOG.warnf("SRT ingest through FFmpeg's listener, one publisher at a time: %s", l.what());
        }
        return l;
    }

    private static String version(int v) {
        return (v >> 16) + "." + ((v >> 8) & 0xFF) + "." + (v & 0xFF);
    }

    /** One more user of libsrt: the first starts it. */
    static void acquire() {
        synchronized (LOCK) {
            if (users++ == 0) {
                if (srt_startup() < 0) {
                    users--;
                    throw new IllegalStateException("srt_startup failed: " + lastError());
                }
            }
        }
    }

    /** One user fewer: the last cleans libsrt up (which closes any socket still open). */
    static void release() {
        synchronized (LOCK) {
            if (users > 0 && --users == 0) {
                srt_cleanup();
            }
        }
    }

    /** This thread's last libsrt error, as text. */
    static String lastError() {
        String s = srt_getlasterror_str();
        return s == null ? "unknown" : s;
    }

    /** This thread's last libsrt error code (SRT_ERRNO). */
    static int lastErrorCode() {
        return srt_getlasterror(null);
    }

    /** Sets an int (or bool) option; false with the error in {@link #lastError} on failure. */
    static boolean setInt(int sock, int option, int value) {
        return srt_setsockflag(sock, option, new int[] {value}, 4) != ERROR;
    }

    /** A {@code struct sockaddr_in} or {@code sockaddr_in6} for bind, in the host's layout. */
    static byte[] sockaddr(InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        if (ip instanceof Inet4Address) {
            ByteBuffer b = ByteBuffer.allocate(16);
            b.order(ByteOrder.nativeOrder()).putShort((short) 2); // AF_INET
            b.order(ByteOrder.BIG_ENDIAN).putShort((short) a.getPort()).put(ip.getAddress());
            return b.array();
        }
        if (ip instanceof Inet6Address v6) {
            ByteBuffer b = ByteBuffer.allocate(28);
            b.order(ByteOrder.nativeOrder()).putShort((short) 10); // AF_INET6
            b.order(ByteOrder.BIG_ENDIAN).putShort((short) a.getPort()).putInt(0).put(ip.getAddress());
            b.order(ByteOrder.nativeOrder()).putInt(v6.getScopeId());
            return b.array();
        }
        throw new IllegalArgumentException("not an IP address: " + a);
    }

    /** A peer's {@code struct sockaddr} as {@code host:port}, for logs. */
    static String peer(Pointer sa) {
        if (sa == null) {
            return "?";
        }
        short family = sa.getShort(0);
        int port = ((sa.getByte(2) & 0xFF) << 8) | (sa.getByte(3) & 0xFF);
        try {
            if (family == 2) {
                return InetAddress.getByAddress(sa.getByteArray(4, 4)).getHostAddress() + ":" + port;
            }
            if (family == 10) {
                return "[" + InetAddress.getByAddress(sa.getByteArray(8, 16)).getHostAddress() + "]:" + port;
            }
        } catch (java.net.UnknownHostException e) {
            // not reached: the lengths are right
        }
        return "family " + family;
    }

    /** {@code srt_listen_callback_fn}: 0 accepts the caller, -1 rejects it. Runs on libsrt's receiver thread. */
    interface ListenCallback extends Callback {
        int invoke(Pointer opaque, int sock, int hsVersion, Pointer peer, Pointer streamId);
    }

    static native int srt_startup();

    static native int srt_cleanup();

    static native int srt_getversion();

    static native int srt_create_socket();

    static native int srt_bind(int sock, byte[] name, int nameLen);

    static native int srt_listen(int sock, int backlog);

    static native int srt_listen_callback(int sock, ListenCallback hook, Pointer opaque);

    static native int srt_accept(int sock, Pointer addr, Pointer addrLen);

    static native int srt_close(int sock);

    static native int srt_setsockflag(int sock, int option, int[] value, int len);

    static native int srt_getsockflag(int sock, int option, byte[] value, int[] len);

    static native int srt_recvmsg(int sock, byte[] buf, int len);

    static native int srt_setrejectreason(int sock, int reason);

    static native String srt_getlasterror_str();

    static native int srt_getlasterror(int[] errnoLoc);

    static native int srt_epoll_create();

    static native int srt_epoll_add_usock(int eid, int sock, int[] events);

    static native int srt_epoll_uwait(int eid, int[] events, int size, long msTimeout);

    static native int srt_epoll_release(int eid);

    static native void srt_setloglevel(int level);
}
