// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference peer: nginx with libnginx-mod-rtmp as a foreground child process, taking RTMP on a
 * free port and writing classic HLS (MPEG-TS, {@code hls_fragment 1s}, a 4 s playlist) that its
 * own HTTP server on another free port serves. Nothing in the system's nginx configuration is used.
 */
final class NginxRtmp implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/nginx");
    static final Path MODULE = Path.of("/usr/share/nginx/modules/ngx_rtmp_module.so");

    private final Process process;
    final int rtmpPort;
    final int httpPort;

    private NginxRtmp(Process process, int rtmpPort, int httpPort) {
        this.process = process;
        this.rtmpPort = rtmpPort;
        this.httpPort = httpPort;
    }

    static boolean available() {
        return Files.isExecutable(BINARY) && Files.isRegularFile(MODULE);
    }

    static NginxRtmp start(Path dir) throws IOException, InterruptedException {
        int rtmp = AppNode.freePort();
        int http = AppNode.freePort();
        Files.createDirectories(dir.resolve("hls"));
        Files.createDirectories(dir.resolve("tmp"));
        String conf = """
                load_module %1$s;
                daemon off;
                master_process off;
                worker_processes 1;
                pid %2$s/nginx.pid;
                error_log %2$s/error.log warn;
                events { worker_connections 256; }
                rtmp {
                    server {
                        listen 127.0.0.1:%3$d;
                        chunk_size 4096;
                        application live {
                            live on;
                            record off;
                            hls on;
                            hls_path %2$s/hls;
                            hls_fragment 1s;
                            hls_playlist_length 4s;
                        }
                    }
                }
                http {
                    access_log off;
                    client_body_temp_path %2$s/tmp/body;
                    proxy_temp_path %2$s/tmp/proxy;
                    fastcgi_temp_path %2$s/tmp/fastcgi;
                    uwsgi_temp_path %2$s/tmp/uwsgi;
                    scgi_temp_path %2$s/tmp/scgi;
                    server {
                        listen 127.0.0.1:%4$d;
                        location /hls/ {
                            root %2$s;
                            add_header Cache-Control no-cache;
                            types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; }
                        }
                    }
                }
                """.formatted(MODULE, dir, rtmp, http);
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf);
        Process p = new ProcessBuilder(List.of(BINARY.toString(), "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
                "-c", file.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Thread.sleep(300);
        if (!p.isAlive()) {
            throw new IOException("nginx exited: " + Files.readString(dir.resolve("stdout.log")));
        }
        return new NginxRtmp(p, rtmp, http);
    }

    String rtmpUrl(String name) {
        return "rtmp://127.0.0.1:" + rtmpPort + "/live/" + name;
    }

    String playlistUrl(String name) {
        return "http://127.0.0.1:" + httpPort + "/hls/" + name + ".m3u8";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
