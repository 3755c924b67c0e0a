// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * nginx serving a directory on an ephemeral loopback port, configured the way one would serve
 * HLS files in production: sendfile (off on request, to see what it saves), keep-alive without a request cap, open-file cache, no access
 * log, the same content types, Cache-Control and CORS headers as {@code HlsHttp} sends (so both
 * send about the same header bytes). Run in the foreground ({@code daemon off}) with its prefix,
 * configuration, pid file and temp paths all under {@code prefix}; its CPU is the master's plus
 * every worker's.
 */
final class NginxServer implements AutoCloseable {
    static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;

    NginxServer(Path prefix, Path root, int workers, boolean sendfile) throws IOException, InterruptedException {
        port = freePort();
        Files.createDirectories(prefix.resolve("logs"));
        Path conf = prefix.resolve("nginx.conf");
        // As root, the workers would run as nobody and could not read a private temp directory.
        String user = System.getProperty("user.name").equals("root") ? "user root;\n" : "";
        Files.writeString(conf, user + """
                worker_processes %d;
                pid nginx.pid;
                error_log stderr error;
                events { worker_connections 8192; use epoll; }
                http {
                    access_log off;
                    sendfile %s;
                    tcp_nopush on;
                    tcp_nodelay on;
                    keepalive_timeout 65s;
                    keepalive_requests 100000000;
                    open_file_cache max=10000 inactive=60s;
                    open_file_cache_valid 60s;
                    server_tokens off;
                    client_body_temp_path tmp/body;
                    proxy_temp_path tmp/proxy;
                    fastcgi_temp_path tmp/fastcgi;
                    uwsgi_temp_path tmp/uwsgi;
                    scgi_temp_path tmp/scgi;
                    types {
                        application/vnd.apple.mpegurl m3u8;
                        video/iso.segment m4s;
                        video/mp4 mp4;
                    }
                    server {
                        listen 127.0.0.1:%d;
                        root %s;
                        location ~ \\.m3u8$ {
                            add_header Cache-Control "public, max-age=1";
                            add_header Access-Control-Allow-Origin "*";
                            add_header Access-Control-Expose-Headers "Content-Length, Content-Type, Cache-Control, Age, Date";
                        }
                        location / {
                            add_header Cache-Control "public, max-age=86400, immutable";
                            add_header Access-Control-Allow-Origin "*";
                            add_header Access-Control-Expose-Headers "Content-Length, Content-Type, Cache-Control, Age, Date";
                        }
                    }
                }
                """.formatted(workers, sendfile ? "on" : "off", port, root.toAbsolutePath()));
        Files.createDirectories(prefix.resolve("tmp"));
        process = new ProcessBuilder(NGINX.toString(), "-p", prefix.toAbsolutePath() + "/", "-c", conf.toAbsolutePath().toString(),
                "-e", "stderr", "-g", "daemon off;")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IOException("nginx did not start on port " + port + " (see its stderr above)");
            }
            Thread.sleep(20);
        }
    }

    static boolean installed() {
        return Files.isExecutable(NGINX);
    }

    int port() {
        return port;
    }

    /** The master's CPU plus every worker's, so far. */
    ServerCpu cpu() {
        java.util.List<Long> pids = new java.util.ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(h -> pids.add(h.pid()));
        return ServerCpu.of(pids);
    }

    long workers() {
        return process.descendants().count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: fast shutdown of master and workers
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
