package io.siodoctor.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Format detection over every file of every sample capture (HARs, logs, and the READMEs, scripts
 * and configs beside them that no parser may claim): each is detected as the format recorded in
 * {@code detection/sample-captures.txt}, which was written by the list-order detection before
 * detection was scored. The golden reports rest on these choices.
 */
class DetectionTest {
  private static final Path CAPTURES = Path.of("..", "sample-captures");

  /** {@code folder/file format} per line; {@code -} when no parser claims the file. */
  private static List<String> detectedNow() throws IOException {
    InputReader reader = new InputReader();
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CAPTURES)) {
      for (Path f : files.filter(Files::isRegularFile)
          .filter(f -> !f.startsWith(CAPTURES.resolve("recorder")))
          .sorted().toList()) {
        byte[] head;
        try (InputStream in = Files.newInputStream(f)) {
          head = in.readNBytes(InputReader.HEAD_BYTES);
        }
        String format = reader.detect(head, head.length);
        out.add(CAPTURES.relativize(f).toString().replace('\\', '/') + " " + (format == null ? "-" : format));
      }
    }
    return out;
  }

  @Test
  void everySampleCaptureFileIsDetectedAsBefore() throws IOException {
    List<String> now = detectedNow();
    InputStream expected = DetectionTest.class.getResourceAsStream("/detection/sample-captures.txt");
    assertThat(expected).as("expected detections; now:\n" + String.join("\n", now)).isNotNull();
    List<String> before = new String(expected.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(now).hasSizeGreaterThan(500).containsExactlyElementsOf(before);
  }
}
