// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parts, segments and init sections kept in spool files and sent from them with sendfile. */
class SpoolTest {
    @TempDir
    Path root;
    private HlsBroadcasts broadcasts;
    private HttpFixture server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (broadcasts != null) {
            broadcasts.close();
        }
    }

    private HlsRendition rendition(HlsSettings settings) throws Exception {
        broadcasts = new HlsBroadcasts(settings, Synthetic.clock());
        server = new HttpFixture(broadcasts);
        return broadcasts.open("b1").rendition("720p", Synthetic.VIDEO, Synthetic.AAC);
    }

    /** The same feed packaged with parts in memory: the bytes the spool must hold and serve. */
    private static HlsRendition inMemoryTwin(double seconds) {
        HlsRendition twin = new HlsBroadcasts(HlsSettings.DEFAULTS.withSpoolRoot(null), Synthetic.clock())
                .open("b1").rendition("720p", Synthetic.VIDEO, Synthetic.AAC);
        new Synthetic(twin, 3000, 30, 0).payloadBytes(700).seconds(seconds);
        return twin;
    }

    private static byte[] concatenation(Segment s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.parts().forEach(p -> out.writeBytes(p.bytes()));
        return out.toByteArray();
    }

    @Test
    void eachSegmentIsOneFileOfItsPartsAndServesTheExactBytes() throws Exception {
        HlsRendition r = rendition(HlsSettings.DEFAULTS.withSpoolRoot(root));
        new Synthetic(r, 3000, 30, 0).payloadBytes(700).seconds(4.5);
        HlsRendition twin = inMemoryTwin(4.5);
        TimelineSnapshot s = r.timeline().snapshot();
        TimelineSnapshot t = twin.timeline().snapshot();
        Path dir = broadcasts.spoolDirectory().orElseThrow();
        assertThat(dir.getParent()).isEqualTo(root);

        for (int i = 0; i < s.retained().size(); i++) {
            Segment seg = s.retained().get(i);
            SpoolFile file = seg.wholeFile();
            assertThat(file).isNotNull();
            assertThat(file.path().getParent()).isEqualTo(dir);
            byte[] expected = concatenation(t.retained().get(i));
            assertThat(Files.readAllBytes(file.path())).isEqualTo(expected);
            HttpResponse<byte[]> got = server.get("/hls/b1/720p/" + seg.uri());
            assertThat(got.statusCode()).isEqualTo(200);
            assertThat(got.headers().firstValue("Content-Length")).hasValue(Integer.toString(expected.length));
            assertThat(got.headers().firstValue("Content-Type")).hasValue("video/iso.segment");
            assertThat(got.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400, immutable");
            assertThat(got.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(got.body()).isEqualTo(expected);
            for (int j = 0; j < seg.parts().size(); j++) {
                Part p = seg.parts().get(j);
                assertThat(p.data()).isInstanceOf(PartData.Spooled.class);
                byte[] part = server.get("/hls/b1/720p/" + p.uri()).body();
                assertThat(part).isEqualTo(t.retained().get(i).parts().get(j).bytes());
            }
            // Sealed once complete: nothing is ever written to a published file again.
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> file.append(new byte[1])))
                    .hasMessageContaining("sealed");
        }
        Part open = s.openParts().get(0);
        assertThat(server.get("/hls/b1/720p/" + open.uri()).body()).isEqualTo(t.openParts().get(0).bytes());
        HttpResponse<byte[]> head = server.send("HEAD", "/hls/b1/720p/" + open.uri());
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(open.size()));
        assertThat(head.body()).isEmpty();
        HttpResponse<byte[]> init = server.get("/hls/b1/720p/init.mp4");
        assertThat(init.body()).isEqualTo(r.init());
        assertThat(r.initData()).isInstanceOf(PartData.Spooled.class);
    }

    @Test
    void aSegmentsFileIsDeletedOneSegmentAfterItLeavesTheWindowAndAllOnClose() throws Exception {
        HlsRendition r = rendition(HlsSettings.DEFAULTS.withSpoolRoot(root));
        Synthetic feed = new Synthetic(r, 3000, 30, 0).payloadBytes(700);
        feed.seconds(2.1);
        Segment first = r.timeline().snapshot().retained().get(0);
        Path file = first.wholeFile().path();
        String partUri = "/hls/b1/720p/" + first.parts().get(0).uri();
        // 6 listed + 6 more in the grace window: the 13th segment pushes the first out of the timeline.
        feed.seconds(2 * 13 + 0.1);
        assertThat(r.timeline().snapshot().segment(first.msn())).isNull();
        assertThat(server.get(partUri).statusCode()).isEqualTo(404);
        assertThat(file).exists();                     // kept one more segment for requests in flight
        feed.seconds(2 * 14 + 0.1);
        assertThat(file).doesNotExist();
        TimelineSnapshot now = r.timeline().snapshot();
        assertThat(now.retained()).hasSize(12);
        // init, the retained segments, the one retired at the last cut, the open segment's if it has a part
        assertThat(r.timeline().store().files()).hasSize(1 + 12 + 1 + (now.openParts().isEmpty() ? 0 : 1));

        Path dir = broadcasts.spoolDirectory().orElseThrow();
        broadcasts.close();
        assertThat(dir).doesNotExist();
        try (Stream<Path> left = Files.list(root)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFileDeletedBeforeItIsOpenedIsAClean404() throws Exception {
        HlsRendition r = rendition(HlsSettings.DEFAULTS.withSpoolRoot(root));
        new Synthetic(r, 3000, 30, 0).payloadBytes(700).seconds(4.5);
        Segment seg = r.timeline().snapshot().retained().get(0);
        Files.delete(seg.wholeFile().path());          // as if the deletion won the race with the open
        HttpResponse<byte[]> got = server.get("/hls/b1/720p/" + seg.parts().get(1).uri());
        assertThat(got.statusCode()).isEqualTo(404);
        assertThat(got.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(server.get("/hls/b1/720p/" + seg.uri()).statusCode()).isEqualTo(404);
    }

    @Test
    void aFileDeletedWhileItIsBeingSentIsSentWhole() throws Exception {
        HlsRendition r = rendition(HlsSettings.DEFAULTS.withSpoolRoot(root));
        // About 12 MB per segment: more than the loopback socket buffers hold, so the send is
        // still going while the client has read only the head.
        new Synthetic(r, 3000, 30, 0).payloadBytes(200_000).seconds(2.1);
        Segment seg = r.timeline().snapshot().retained().get(0);
        byte[] expected = concatenation(seg);
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", server.server.actualPort()));
            socket.setSoTimeout((int) HttpFixture.WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET /hls/b1/720p/" + seg.uri() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);               // the file was opened before the head was written
            assertThat(head).startsWith("HTTP/1.1 200").contains("content-length: " + expected.length);
            broadcasts.remove("b1");                   // deletes every file of the rendition now
            assertThat(seg.wholeFile().path()).doesNotExist();
            assertThat(in.readAllBytes()).isEqualTo(expected);
        }
    }

    @Test
    void withoutASpoolPartsAreHeldInMemoryAndServedTheSame() throws Exception {
        HlsRendition r = rendition(HlsSettings.DEFAULTS.withSpoolRoot(null));
        new Synthetic(r, 3000, 30, 0).payloadBytes(700).seconds(4.5);
        assertThat(broadcasts.spoolDirectory()).isEmpty();
        Segment seg = r.timeline().snapshot().retained().get(1);
        assertThat(seg.wholeFile()).isNull();
        assertThat(seg.parts()).allMatch(p -> p.data() instanceof PartData.InMemory);
        assertThat(server.get("/hls/b1/720p/" + seg.uri()).body()).isEqualTo(concatenation(seg));
        assertThat(server.get("/hls/b1/720p/init.mp4").body()).isEqualTo(r.init());
    }

    @Test
    void aPartWhoseSpoolWriteFailsIsHeldInMemoryAndServedTheSame() throws Exception {
        HlsRendition r = rendition(HlsSettings.DEFAULTS.withSpoolRoot(root));
        Path dir = broadcasts.spoolDirectory().orElseThrow();
        Files.delete(dir.resolve(((PartData.Spooled) r.initData()).file().path().getFileName()));
        Files.delete(dir);                               // every later file creation fails
        new Synthetic(r, 3000, 30, 0).payloadBytes(700).seconds(4.5);
        HlsRendition twin = inMemoryTwin(4.5);
        Segment seg = r.timeline().snapshot().retained().get(1);
        assertThat(seg.parts()).allMatch(p -> p.data() instanceof PartData.InMemory);
        assertThat(seg.wholeFile()).isNull();
        assertThat(server.get("/hls/b1/720p/" + seg.uri()).body())
                .isEqualTo(concatenation(twin.timeline().snapshot().retained().get(1)));
        assertThat(server.get("/hls/b1/720p/" + seg.parts().get(0).uri()).body())
                .isEqualTo(twin.timeline().snapshot().retained().get(1).parts().get(0).bytes());
        // Segment files whose creation failed are dropped, not tracked: only the init (written before) is.
        assertThat(r.timeline().store().files()).singleElement()
                .satisfies(f -> assertThat(f.path().getFileName().toString()).endsWith("init.mp4"));
    }

    @Test
    void openingASpoolRemovesTheDirectoriesOfDeadProcessesOnly() throws Exception {
        Path dead = Files.createDirectories(root.resolve("cascade-hls-999999999-x1"));
        Files.writeString(dead.resolve("r1-s1.m4s"), "left over");
        Path alive = Files.createDirectories(root.resolve("cascade-hls-" + ProcessHandle.current().pid() + "-x2"));
        Path other = Files.createDirectories(root.resolve("not-ours"));
        try (Spool spool = Spool.open(root)) {
            assertThat(dead).doesNotExist();
            assertThat(alive).exists();
            assertThat(other).exists();
            assertThat(spool.directory().getFileName().toString())
                    .startsWith("cascade-hls-" + ProcessHandle.current().pid() + "-");
        }
        assertThat(Spool.pidOf("cascade-hls-12-abc")).isEqualTo(12);
        assertThat(List.of(Spool.pidOf("cascade-hls-x-1"), Spool.pidOf("other"))).containsOnly(-1L);
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.append((char) c);
        }
        return head.toString().toLowerCase(java.util.Locale.ROOT).replace("http/1.1", "HTTP/1.1");
    }
}
