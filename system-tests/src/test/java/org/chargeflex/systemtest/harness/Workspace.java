package org.chargeflex.systemtest.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Working folders of a test class below {@code target/system-test-work} (system property {@code work.dir}), emptied
 * at the start and kept afterwards so the CIO's and the stations' logs can be read after a failure.
 */
public final class Workspace {
    private Workspace() {
    }

    public static Path fresh(String name) {
        Path dir = Path.of(System.getProperty("work.dir", "target/system-test-work")).resolve(name).toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
