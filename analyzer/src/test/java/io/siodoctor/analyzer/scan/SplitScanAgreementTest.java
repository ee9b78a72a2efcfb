package io.siodoctor.analyzer.scan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siodoctor.parsers.FastPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scan with every log cut into line ranges ({@link FastPaths} forced: {@code LineRanges}) gives the
 * summary of the plain scan, on one thread and on several: on night-like files made of every sample
 * capture's engine.io debug log one after another (many chunks, sessions and causes on both sides of
 * the cuts), beside the captures' own proxy logs. With more than one thread the chunks' incidents are
 * built and their rules run on the pool: the summary is still the one-thread plain read's.
 */
class SplitScanAgreementTest {
  @TempDir
  static Path night;

  @ParameterizedTest
  @ValueSource(strings = {"1", "2", "3"})
  void forcedRangesGiveThePlainSummary(String threads) throws Exception {
    Path dir = nightOfCaptures();
    JsonNode plain = scan(dir, threads, false);
    JsonNode split = scan(dir, threads, true);
    assertThat(plain.path("records").asLong()).isGreaterThan(20_000);
    assertThat(plain.path("causes").size()).isGreaterThan(1);
    assertThat(split).isEqualTo(plain);
    // with more threads the chunks are analysed on the pool and joined in order: still the one-thread read
    assertThat(plain).isEqualTo(scan(dir, "1", false));
  }

  /**
   * Small chunks (hundreds per file) analysed on the pool, several at once, and joined in chunk
   * order: the same sessions, events, hours and earliest examples as one thread's chunk after chunk.
   */
  @ParameterizedTest
  @ValueSource(strings = {"2", "3"})
  void chunksAnalysedOnThePoolGiveTheOneThreadSummary(String threads) throws Exception {
    Path dir = nightOfCaptures();
    JsonNode oneThread = scan(dir, "1", false, "--chunk-records", "40");
    assertThat(oneThread.path("causes").size()).isGreaterThan(1);
    assertThat(scan(dir, threads, false, "--chunk-records", "40")).isEqualTo(oneThread);
    assertThat(scan(dir, threads, true, "--chunk-records", "40")).isEqualTo(oneThread);
  }

  private static JsonNode scan(Path dir, String threads, boolean forced, String... more) throws IOException {
    String before = System.getProperty(FastPaths.FORCE_PROPERTY);
    System.setProperty(FastPaths.FORCE_PROPERTY, Boolean.toString(forced));
    try {
      List<String> args = new java.util.ArrayList<>(List.of("scan", "-q", "--format", "json", "--threads", threads));
      args.addAll(List.of(more));
      args.add(dir.toString());
      ScanAnalyzeAgreementTest.Run run = ScanAnalyzeAgreementTest.run(args.toArray(String[]::new));
      ObjectNode summary = (ObjectNode) run.json();
      summary.remove("seconds");
      return summary;
    } finally {
      if (before == null) {
        System.clearProperty(FastPaths.FORCE_PROPERTY);
      } else {
        System.setProperty(FastPaths.FORCE_PROPERTY, before);
      }
    }
  }

  /** Every capture's debug log (server.log, node-*.log) appended, three times over, and its proxy logs. */
  private static synchronized Path nightOfCaptures() throws IOException {
    Path dir = night.resolve("night");
    if (Files.isDirectory(dir)) {
      return dir;
    }
    Files.createDirectories(dir);
    List<Path> logs;
    try (Stream<Path> s = Files.walk(ScanAnalyzeAgreementTest.captures())) {
      logs = s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("node_modules"))
          .filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
    }
    try (OutputStream big = Files.newOutputStream(dir.resolve("server.log"));
        OutputStream nodes = Files.newOutputStream(dir.resolve("node-b.log"))) {
      for (int round = 0; round < 3; round++) {
        for (Path p : logs) {
          String name = p.getFileName().toString();
          if (name.equals("server.log") || name.startsWith("node-")) {
            OutputStream out = name.startsWith("node-") ? nodes : big;
            try (InputStream in = Files.newInputStream(p)) {
              in.transferTo(out);
            }
            out.write('\n');
          } else if (round == 0 && (name.contains("nginx") || name.contains("access") || name.contains("error"))) {
            Files.copy(p, dir.resolve(p.getParent().getFileName() + "-" + name));
          }
        }
      }
    }
    return dir;
  }
}
