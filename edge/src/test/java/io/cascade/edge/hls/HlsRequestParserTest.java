// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HlsRequestParserTest {

    @Test
    void parsesEveryResource() {
        assertThat(HlsRequestParser.parse("/hls/b1/master.m3u8", "x=1")).isEqualTo(new HlsResource.Multivariant("b1"));
        assertThat(HlsRequestParser.parse("/hls/b1/720p/index.m3u8", null))
                .isEqualTo(new HlsResource.MediaPlaylist("b1", "720p", Directives.NONE));
        assertThat(HlsRequestParser.parse("/hls/b1/720p/init.mp4", "_HLS_part=3"))
                .isEqualTo(new HlsResource.Init("b1", "720p"));      // a query on a file is ignored
        assertThat(HlsRequestParser.parse("/hls/b1/720p/p0.m4s", null)).isEqualTo(new HlsResource.PartFile("b1", "720p", 0));
        assertThat(HlsRequestParser.parse("/hls/B_1-x/a/s176370000.m4s", null))
                .isEqualTo(new HlsResource.SegmentFile("B_1-x", "a", 176370000));
    }

    @Test
    void parsesDeliveryDirectives() {
        assertThat(HlsRequestParser.directives("_HLS_msn=12&_HLS_part=3&_HLS_skip=YES"))
                .isEqualTo(new Directives(12, 3, Directives.Skip.YES));
        assertThat(HlsRequestParser.directives("_HLS_skip=v2&cb=123&_HLS_msn=007"))
                .isEqualTo(new Directives(7, -1, Directives.Skip.V2));
        assertThat(HlsRequestParser.directives("foo&&bar=&_HLS_other=1")).isEqualTo(Directives.NONE);
        assertThat(new Directives(12, 3, Directives.Skip.YES).query()).isEqualTo("_HLS_msn=12&_HLS_part=3&_HLS_skip=YES");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/hls", "/hls/", "/hls/b1", "/hls/b1/", "/hls/b1/master.m3u8/x", "/hls/../etc/passwd",
        "/hls/b1/../../etc/passwd", "/hls/b1/%2e%2e/init.mp4", "/hls/b1/r/..%2finit.mp4", "/hls/%2e%2e/r/init.mp4",
        "/hls/b1/r/p012.m4s", "/hls/b1/r/p.m4s", "/hls/b1/r/x1.m4s", "/hls/b1//init.mp4", "/hls/b1/r/p1.m4s/",
        "/hls/b1/r/p1234567890123456789.m4s", "/hls/b1/r/p-1.m4s", "/hls/b1/r/index.m3u8/", "/hls/b1/r/s1.m4s.m4s",
        "/hls/b\u00e9/r/init.mp4", "/hls/b1/r/INIT.MP4", "/hls/b1/r/x/init.mp4", "/HLS/b1/master.m3u8",
        "/hls/b1/r/p1.mp4", "/hls/b1/r/init.mp4;x", "/hls/b1\\..\\x/master.m3u8"})
    void anythingOffTheGrammarIsNotFound(String path) {
        assertThatThrownBy(() -> HlsRequestParser.parse(path, null)).isInstanceOfSatisfying(HlsRequestException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void namesAreBoundedAndNeverReachAFileSystem() {
        String name = "a".repeat(64);
        assertThat(HlsRequestParser.parse("/hls/" + name + "/master.m3u8", null).broadcast()).isEqualTo(name);
        assertThatThrownBy(() -> HlsRequestParser.parse("/hls/" + name + "a/master.m3u8", null))
                .isInstanceOf(HlsRequestException.class);
        assertThatThrownBy(() -> HlsRequestParser.parse("/hls/b/" + "x".repeat(300), null))
                .isInstanceOf(HlsRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"_HLS_part=1", "_HLS_msn=abc", "_HLS_msn=-1", "_HLS_msn=1&_HLS_msn=2", "_HLS_msn=",
        "_HLS_msn=1234567890123456789", "_HLS_msn=99999999999999999999999999", "_HLS_skip=NO", "_HLS_skip=yes",
        "_HLS_msn=%31", "_HLS_msn=1&_HLS_part=x", "_HLS_msn=1&_HLS_part=1&_HLS_part=1", "_HLS_msn=+1",
        "_HLS_msn=1.0", "_HLS_msn", "_HLS_msn=1&_HLS_skip=YES&_HLS_skip=YES", "_HLS_msn= 1"})
    void malformedDirectivesAreBadRequests(String query) {
        assertThatThrownBy(() -> HlsRequestParser.parse("/hls/b1/720p/index.m3u8", query))
                .isInstanceOfSatisfying(HlsRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).matches("^(_HLS_msn|_HLS_part|_HLS_skip|query): .*");
                });
    }

    @Test
    void aHugeQueryIsRefused() {
        assertThatThrownBy(() -> HlsRequestParser.parse("/hls/b1/720p/index.m3u8", "x=" + "1".repeat(2000)))
                .hasMessageStartingWith("query:");
    }
}
