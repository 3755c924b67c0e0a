// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import static io.cascade.distribution.srtp.SrtpFixtures.hex;
import static io.cascade.distribution.srtp.SrtpFixtures.readable;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cascade.distribution.rtp.LeakDetection;
import io.cascade.distribution.rtp.Mutator;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzz target for the receive side, the part that reads bytes from the network. Under
 * {@code mvn test} Jazzer replays the kept corpus in {@code SrtpFuzzTestInputs/unprotect/} (the
 * protected golden vectors); with {@code JAZZER_FUZZ=1} it fuzzes and keeps findings there.
 *
 * <p>Properties, for each profile and for SRTP and SRTCP: no exception; on any result but OK the
 * buffer's bytes and indices are unchanged and so is the context (the primed stream keeps its
 * highest index, no SSRC is added); on OK the packet shrank by the overhead; afterwards the
 * primed stream still accepts its next genuine packet, so nothing was corrupted.
 */
@ExtendWith(LeakDetection.class)
class SrtpFuzzTest {
    static final List<String> SEEDS = List.of("rfc7714-rtp-protected", "rfc7714-rtcp-protected",
            "rfc7714-rtcp-authenticated", "libsrtp-rtp-protected", "libsrtp-rtcp-protected");
    private static final int PRIMED = 0x5EED_0001;
    private static final SessionKeys RFC7714_KEYS = new SessionKeys(hex("000102030405060708090a0b0c0d0e0f"),
            new byte[0], hex("517569642070726f2071756f"));
    private static final byte[] LIBSRTP_KEY = hex("e1f97a0d3e018be0d64fa32c06de4139");
    private static final byte[] LIBSRTP_SALT = hex("0ec675ad498afeebb6960b3aabe6");
    private static final Map<SrtpProfile, SrtpTransform[]> TRANSFORMS = new EnumMap<>(SrtpProfile.class);

    @FuzzTest
    void unprotect(byte[] data) {
        checkUnprotect(data);
    }

    /** @return the results, per profile, of SRTP then SRTCP */
    static List<SrtpResult> checkUnprotect(byte[] data) {
        List<SrtpResult> results = new ArrayList<>();
        for (SrtpProfile profile : SrtpProfile.values()) {
            SrtpContexts pair = keyedForTheSeeds(profile);
            assertThat(SrtpRoundTripTest.unprotect(pair.receiver(), SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(PRIMED, 1001))))
                    .isEqualTo(SrtpResult.OK);
            for (boolean rtcp : new boolean[] {false, true}) {
                results.add(checkOne(pair.receiver(), profile, data, rtcp));
            }
            assertThat(pair.receiver().highestIndex(PRIMED)).isEqualTo(1001);
            assertThat(SrtpRoundTripTest.unprotect(pair.receiver(), SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(PRIMED, 1002))))
                    .isEqualTo(SrtpResult.OK);
        }
        return results;
    }

    private static SrtpResult checkOne(SrtpReceiveContext receiver, SrtpProfile profile, byte[] data, boolean rtcp) {
        ByteBuf buf = SrtpFixtures.direct(data);
        try {
            int streams = receiver.streamCount();
            SrtpResult result = rtcp ? receiver.unprotectRtcp(buf) : receiver.unprotect(buf);
            assertThat(result).isNotNull();
            if (result == SrtpResult.OK) {
                int overhead = rtcp ? profile.rtcpOverhead() : profile.rtpOverhead();
                assertThat(buf.readableBytes()).isEqualTo(data.length - overhead);
            } else {
                assertThat(readable(buf)).isEqualTo(data);
                assertThat(receiver.streamCount()).isEqualTo(streams);
            }
            return result;
        } finally {
            buf.release();
        }
    }

    /**
     * Fresh contexts per input, so each input is judged alone, over transforms built once (key
     * derivation and cipher set-up are the slow part; a transform keeps no per-stream state): the
     * RFC 7714 session keys for GCM, the libsrtp master key for the HMAC profiles.
     */
    private static SrtpContexts keyedForTheSeeds(SrtpProfile profile) {
        SrtpTransform[] transforms = TRANSFORMS.computeIfAbsent(profile, SrtpFuzzTest::transforms);
        return new SrtpContexts(new SrtpSendContext(profile, transforms[0], SrtpConfig.DEFAULTS),
                new SrtpReceiveContext(profile, transforms[1], SrtpConfig.DEFAULTS));
    }

    private static SrtpTransform[] transforms(SrtpProfile profile) {
        if (profile.aead()) {
            return new SrtpTransform[] {SrtpTransform.create(profile, RFC7714_KEYS, RFC7714_KEYS),
                SrtpTransform.create(profile, RFC7714_KEYS, RFC7714_KEYS)};
        }
        SrtpMasterKey master = new SrtpMasterKey(profile, LIBSRTP_KEY, LIBSRTP_SALT);
        return new SrtpTransform[] {SrtpTransform.derive(profile, master), SrtpTransform.derive(profile, master)};
    }

    /**
     * Regression mode only replays the corpus, so plain {@code mvn test} also pushes seeded
     * mutations of the protected vectors through the target: deterministic, a few seconds.
     */
    @Test
    void seededMutationsOfTheProtectedVectorsKeepTheProperties() {
        Random random = new Random(3711);
        List<byte[]> seeds = SEEDS.stream().map(SrtpFixtures::vector).toList();
        Map<SrtpResult, Integer> seen = new EnumMap<>(SrtpResult.class);
        for (int i = 0; i < 3_000; i++) {
            byte[] input = Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random);
            for (SrtpResult result : checkUnprotect(input)) {
                seen.merge(result, 1, Integer::sum);
            }
        }
        assertThat(seen).containsKeys(SrtpResult.AUTH_FAILED, SrtpResult.TOO_SHORT, SrtpResult.MALFORMED);
    }

    @Test
    void theSeedsThemselvesUnprotect() {
        for (String seed : SEEDS) {
            assertThat(checkUnprotect(SrtpFixtures.vector(seed))).as(seed).contains(SrtpResult.OK);
        }
    }

    @Test
    void seedCorpusHoldsEveryProtectedVector() throws IOException {
        for (String name : SEEDS) {
            String resource = "io/cascade/distribution/srtp/SrtpFuzzTestInputs/unprotect/" + name;
            try (InputStream seed = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertThat(seed).as(resource).isNotNull();
                assertThat(seed.readAllBytes()).isEqualTo(SrtpFixtures.vector(name));
            }
        }
    }
}
