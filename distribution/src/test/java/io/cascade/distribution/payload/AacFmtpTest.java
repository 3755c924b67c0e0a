// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import static io.cascade.distribution.payload.PayloadVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AacFmtpTest {

    @Test
    void formatsTheValueTheFabricAnnounces() {
        AacFmtp fmtp = AacFmtp.of(AudioSpecificConfig.aacLc(44100, 2));
        assertThat(fmtp.format()).isEqualTo(
                "streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=1210");
        assertThat(AacFmtp.parse(fmtp.format())).isEqualTo(fmtp);
    }

    @Test
    void parsesTheRfc3640Example() {
        // RFC 3640 §3.3.6: 5.1 channels at 48 kHz
        AacFmtp fmtp = AacFmtp.parse("streamtype=5; profile-level-id=16; mode=AAC-hbr; config=11B0; sizeLength=13;"
                + " indexLength=3; indexDeltaLength=3; constantDuration=1024");
        assertThat(fmtp.profileLevelId()).isEqualTo(16);
        assertThat(fmtp.config()).isEqualTo(hex("11b0"));
        assertThat(fmtp.audioSpecificConfig()).isEqualTo(AudioSpecificConfig.aacLc(48000, 6));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // what senders write: camel case, no streamtype, no indexdeltalength, trailing semicolon, extras
        "profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=1210|1|1210",
        "streamType=5; profile-level-id=15; mode=AAC-hbr; config=1408; sizeLength=13; indexLength=3; indexDeltaLength=3; profile=1; bitrate=32000;|15|1408",
        "profile-level-id=41; config=1188; streamType=5; mode=aac-hbr; objectType=64; constantDuration=1024; sizeLength=13; indexLength=3|41|1188",
        "streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3;config=1210fff15081ffdffc|1|1210fff15081ffdffc",
    })
    void acceptsWhatSendersWrite(String value, int profileLevelId, String config) {
        AacFmtp fmtp = AacFmtp.parse(value);
        assertThat(fmtp.profileLevelId()).isEqualTo(profileLevelId);
        assertThat(fmtp.config()).isEqualTo(hex(config));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mode=AAC-lbr;profile-level-id=14;config=1388;sizeLength=6;indexLength=2;indexDeltaLength=2|mode",
        "profile-level-id=1;config=1210|mode",
        "mode=AAC-hbr;config=1210|profile-level-id",
        "mode=AAC-hbr;profile-level-id=256;config=1210|profile-level-id",
        "mode=AAC-hbr;profile-level-id=-1;config=1210|profile-level-id",
        "mode=AAC-hbr;profile-level-id=1|config",
        "mode=AAC-hbr;profile-level-id=1;config=121|config",
        "mode=AAC-hbr;profile-level-id=1;config=12zz|config",
        "mode=AAC-hbr;profile-level-id=1;config=|config",
        "streamtype=4;mode=AAC-hbr;profile-level-id=1;config=1210|streamtype",
        "mode=AAC-hbr;profile-level-id=1;config=1210;sizelength=6|sizelength",
        "mode=AAC-hbr;profile-level-id=1;config=1210;indexdeltalength=2|indexdeltalength",
        "mode=AAC-hbr;profile-level-id=1;config=1210;CTSDeltaLength=16|ctsdeltalength",
        "mode=AAC-hbr;profile-level-id=1;config=1210;sizelength=99999999999|sizelength",
        "mode=AAC-hbr;profile-level-id=1;config=1210;config=1190|config",
        "mode=AAC-hbr;profile-level-id=1;config=1210;garbage|garbage",
    })
    void rejectionsNameTheParameter(String value, String field) {
        assertThatThrownBy(() -> AacFmtp.parse(value))
                .isInstanceOfSatisfying(PayloadFormatException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
