package io.siodoctor.analyzer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths of the test fixtures and of the recorded sample captures. */
public final class Fixtures {
  private Fixtures() {}

  public static Path repoRoot() {
    return Path.of(System.getProperty("sio.repo.root", "..")).toAbsolutePath().normalize();
  }

  public static Path fixture(String name) {
    return repoRoot().resolve("analyzer/src/test/resources/fixtures").resolve(name);
  }

  /** Every {@code sample-captures/<folder>/capture.har} that exists right now (they are still being recorded). */
  public static List<Path> sampleHars() throws IOException {
    Path dir = repoRoot().resolve("sample-captures");
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.resolve("capture.har")).filter(Files::isRegularFile).sorted().toList();
    }
  }

  public static Path sampleHar(String folder) {
    return repoRoot().resolve("sample-captures").resolve(folder).resolve("capture.har");
  }
}
