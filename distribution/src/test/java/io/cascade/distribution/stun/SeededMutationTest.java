// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Replays each fuzz target's kept corpus and 10,000 deterministic mutations of it through the
 * same properties as the Jazzer targets. Jazzer's regression mode only replays the corpus; this
 * adds cheap, reproducible breadth (fixed seed) to every {@code mvn test} without a fuzzing run.
 */
class SeededMutationTest {
  private static final int MUTATIONS = 10_000;

  @Test
  void stunMessageCorpusAndMutations() {
    // Half the mutants are padded to 4 and get their Message Length fixed up; otherwise nearly
    // all of them would stop at the header checks.
    replay("StunMessageFuzzTestInputs", FuzzProperties::stunMessage, 5389, bytes -> {
      if (bytes.length < StunHeader.LENGTH) {
        return bytes;
      }
      byte[] padded = Arrays.copyOf(bytes, BigEndian.pad4(bytes.length));
      BigEndian.putU16(padded, 2, padded.length - StunHeader.LENGTH);
      return padded;
    });
  }

  @Test
  void turnAttributeCorpusAndMutations() {
    replay("TurnAttributeFuzzTestInputs", FuzzProperties::turnAttribute, 8656, bytes -> bytes);
  }

  @Test
  void channelDataCorpusAndMutations() {
    replay("ChannelDataFuzzTestInputs", FuzzProperties::channelData, 7983, bytes -> {
      if (bytes.length >= 5) {
        BigEndian.putU16(bytes, 3, bytes.length - 5);
      }
      return bytes;
    });
  }

  @Test
  void seedsBuiltByAnIndependentEncoderVerify() throws Exception {
    byte[] iceKey = StunCredentials.shortTermKey("fuzz-ice-password-22ch");
    for (String name : List.of("ice-binding-request", "binding-success-ipv6", "allocate-success")) {
      StunMessage message = StunDecoder.decode(seed(name));
      assertThat(StunIntegrity.verifyMessageIntegrity(message, iceKey)).as(name).isTrue();
      assertThat(StunIntegrity.verifyFingerprint(message)).as(name).isTrue();
    }
    StunMessage allocate = StunDecoder.decode(seed("allocate-request-long-term"));
    byte[] longTermKey = StunCredentials.longTermKey("1700000600:alice", "cascade.example", "pw");
    assertThat(StunIntegrity.verifyMessageIntegrity(allocate, longTermKey)).isTrue();
    assertThat(StunIntegrity.verifyMessageIntegritySha256(allocate, "k".repeat(32).getBytes()))
        .isTrue();
    assertThat(StunIntegrity.verifyFingerprint(allocate)).isTrue();
  }

  private static void replay(
      String inputs, Consumer<byte[]> property, long seed, UnaryOperator<byte[]> lengthFixup) {
    List<byte[]> seeds = seeds(corpus(inputs));
    assertThat(seeds).isNotEmpty();
    seeds.forEach(property);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < MUTATIONS; i++) {
      byte[] mutant = Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random);
      property.accept(random.nextBoolean() ? lengthFixup.apply(mutant) : mutant);
    }
  }

  private static byte[] seed(String name) {
    return read(corpus("StunMessageFuzzTestInputs").resolve(name));
  }

  private static Path corpus(String inputs) {
    URL url = SeededMutationTest.class.getResource(inputs + "/decodeRoundTrip");
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<byte[]> seeds(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().map(SeededMutationTest::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
