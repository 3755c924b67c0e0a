// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A C helper of the relay bench ({@code src/main/c/NAME.c}: the raw forwarder, the native
 * receiver), compiled with gcc into a temporary directory when a run needs it. The source is
 * found from the working directory (repository root or module) or through the system property
 * {@code cascade.bench.NAME.source}. Without gcc the bench goes on without the helper.
 */
final class NativeProgram {
    private NativeProgram() {
    }

    /** The system property that names {@code name}'s source. */
    static String sourceProperty(String name) {
        return "cascade.bench." + name + ".source";
    }

    /**
     * Compiles {@code src/main/c/<name>.c}.
     *
     * @return the binary (deleted when this JVM exits), or empty when gcc or the source is
     *         missing or the compile fails (the reason on stderr)
     */
    static Optional<Path> compile(String name) {
        Optional<Path> source = findSource(name);
        if (source.isEmpty()) {
            System.err.println(name + ": " + name + ".c not found; set -D" + sourceProperty(name) + "=PATH");
            return Optional.empty();
        }
        try {
            Path dir = Files.createTempDirectory("cascade-" + name);
            Path binary = dir.resolve(name);
            // deleteOnExit deletes in the reverse order of registration: the binary, then its directory
            dir.toFile().deleteOnExit();
            binary.toFile().deleteOnExit();
            Process gcc = new ProcessBuilder("gcc", "-O2", "-o", binary.toString(), source.get().toString())
                    .redirectErrorStream(true).start();
            String messages = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
                System.err.println(name + ": gcc failed: " + messages);
                return Optional.empty();
            }
            return Optional.of(binary);
        } catch (IOException e) {
            System.err.println(name + ": no gcc (" + e.getMessage() + ")");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Optional<Path> findSource(String name) {
        String configured = System.getProperty(sourceProperty(name));
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isReadable);
        }
        String file = name + ".c";
        return List.of("distribution/src/main/c/" + file, "src/main/c/" + file, "../distribution/src/main/c/" + file)
                .stream().map(Path::of).filter(Files::isReadable).findFirst();
    }
}
