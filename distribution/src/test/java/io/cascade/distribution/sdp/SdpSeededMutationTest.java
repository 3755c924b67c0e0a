// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Replays each SDP fuzz target's kept corpus and 10,000 deterministic mutations of it ({@link
 * SdpMutator}, fixed seed) through the same properties as the Jazzer targets, so that every
 * {@code mvn test} gets reproducible breadth without a fuzzing run.
 */
class SdpSeededMutationTest {
  private static final int MUTATIONS = 10_000;

  @Test
  void sessionDescriptionCorpusAndMutations() {
    replay("parseRoundTrip", SdpFuzzProperties::sessionDescription, 8866);
  }

  @Test
  void trickleFragmentCorpusAndMutations() {
    replay("trickleRoundTrip", SdpFuzzProperties::trickleFragment, 8840);
  }

  @Test
  void corpusHoldsTheSampleOffers() {
    List<String> names = files(corpus("parseRoundTrip")).stream()
        .map(p -> p.getFileName().toString()).toList();
    assertThat(names).containsAll(Samples.OFFERS);
    for (String name : Samples.OFFERS) {
      assertThat(read(corpus("parseRoundTrip").resolve(name)))
          .isEqualTo(Samples.text(name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static void replay(String method, Consumer<byte[]> property, long seed) {
    List<byte[]> seeds = files(corpus(method)).stream().map(SdpSeededMutationTest::read).toList();
    assertThat(seeds).isNotEmpty();
    seeds.forEach(property);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < MUTATIONS; i++) {
      property.accept(SdpMutator.mutate(seeds.get(random.nextInt(seeds.size())), random));
    }
  }

  private static Path corpus(String method) {
    URL url = SdpSeededMutationTest.class.getResource("SdpFuzzTestInputs/" + method);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> files(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
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
