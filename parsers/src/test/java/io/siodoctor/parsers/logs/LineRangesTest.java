package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.FastPaths;
import io.siodoctor.parsers.InputParser;
import io.siodoctor.parsers.InputParsers;
import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.Record;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A log cut into line ranges read in parallel ({@link LineRanges}, forced on small files) gives the
 * records, warnings and left-out lines of the plain read, in the same order, with the same line
 * numbers: on the sample captures' engine.io debug logs and on logs built to put the cuts where a
 * line depends on the lines before it (continuation lines, an open packet answering a handshake
 * logged before the cut, client lines carrying a sid).
 */
class LineRangesTest {
  private static final EngineIoDebugLogParser PARSER = new EngineIoDebugLogParser();
  private static ExecutorService pool;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    System.setProperty(FastPaths.FORCE_PROPERTY, "true");
    pool = Executors.newFixedThreadPool(3);
  }

  @AfterAll
  static void stop() {
    System.clearProperty(FastPaths.FORCE_PROPERTY);
    pool.shutdownNow();
  }

  @Test
  void everySampleCaptureLogOfASplittableFormatReadsTheSameInRanges() throws Exception {
    Path captures = Path.of("..", "sample-captures");
    List<Path> logs;
    try (Stream<Path> s = Files.walk(captures)) {
      logs = s.filter(p -> p.toString().endsWith(".log") && !p.toString().contains("node_modules"))
          .sorted().toList();
    }
    Map<String, Integer> formats = new TreeMap<>();
    for (Path log : logs) {
      LineLogParser parser = parserOf(log);
      if (parser != null && parser.splittable()) {
        formats.merge(parser.format(), 1, Integer::sum);
        assertSameInRanges(parser, log, 1);
        assertSameInRanges(parser, log, 3);
      }
    }
    assertThat(formats).containsKeys("engineio-debug", "nginx-access");
    assertThat(formats.get("engineio-debug")).isGreaterThan(10);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void cutsWhereLinesDependOnTheLinesBeforeReadTheSame(int seed) throws Exception {
    Path log = dir.resolve("tricky-" + seed + ".log");
    Files.writeString(log, tricky(new Random(seed), seed % 2 == 0), StandardCharsets.UTF_8);
    assertSameInRanges(log, 1);
    assertSameInRanges(log, 2);
    assertSameInRanges(log, 3);
  }

  @Test
  void anAccessLogWithOddLinesBeforeItsFirstTimeReadsTheSame() throws Exception {
    StringBuilder sb = new StringBuilder("not an access line\n");
    Random rnd = new Random(3);
    for (int i = 0; i < 300; i++) {
      if (rnd.nextInt(4) == 0) {
        sb.append("-- rotated --\n");
      }
      sb.append("127.0.0.1 - - [24/Nov/2026:00:").append(String.format("%02d:%02d", i / 60 % 60, i % 60))
          .append(" +0000] \"GET /socket.io/?EIO=4&transport=polling&t=a").append(i)
          .append(" HTTP/1.1\" 200 118 \"-\" \"Mozilla/5.0\" 127.0.0.1:3000 0.002\n");
    }
    Path log = dir.resolve("access.log");
    Files.writeString(log, sb.toString(), StandardCharsets.UTF_8);
    NginxAccessLogParser nginx = new NginxAccessLogParser();
    assertSameInRanges(nginx, log, 1);
    assertSameInRanges(nginx, log, 3);
  }

  @Test
  void aLineOfTheRangeBeforeAnsweredByAnOpenPacketIsCarriedAcrossTheCut() throws Exception {
    // bare lines only (no line a fresh session reads alone): every cut falls between a handshake
    // request and its open packet somewhere
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      String sid = String.format("sid%017d", i);
      sb.append("engine handling \"GET\" http request \"/socket.io/?EIO=4&transport=polling&t=x").append(i).append("\"\n");
      sb.append("engine handshaking client \"").append(sid).append("\"\n");
      sb.append("engine:socket sending packet \"open\" ({\"sid\":\"").append(sid)
          .append("\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000})\n");
    }
    Path log = dir.resolve("handshakes.log");
    Files.writeString(log, sb.toString(), StandardCharsets.UTF_8);
    Collected ranges = assertSameInRanges(log, 3);
    assertThat(ranges.records).filteredOn(r -> r.event() == LogEvent.OPEN_SENT).hasSize(60)
        .allSatisfy(r -> assertThat(r.access()).isNotNull());
  }

  /** The line parser that reads this file, as the input reader chooses it, or null. */
  private static LineLogParser parserOf(Path p) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(p)) {
      head = in.readNBytes(64 * 1024);
    }
    for (InputParser parser : InputParsers.all()) {
      if (head.length > 0 && parser.sniff(head, head.length)) {
        return parser instanceof LineLogParser lines ? lines : null;
      }
    }
    return null;
  }

  /** A debug log with a time on some lines only, stack traces, handshakes and client lines. */
  private static String tricky(Random rnd, boolean crlf) {
    String nl = crlf ? "\r\n" : "\n";
    StringBuilder sb = new StringBuilder(rnd.nextBoolean() ? "\ufeff" : "");
    long t = 1_764_000_000_000L;
    for (int i = 0; i < 400; i++) {
      t += rnd.nextInt(40);
      String time = rnd.nextInt(3) == 0 ? "" : Instant.ofEpochMilli(t) + " ";
      String sid = String.format("S%019d", rnd.nextInt(30));
      switch (rnd.nextInt(9)) {
        case 0 -> sb.append(time).append("engine handling \"GET\" http request \"/socket.io/?EIO=4&transport=")
            .append(rnd.nextBoolean() ? "polling" : "websocket").append("&t=a").append(i).append('"').append(nl);
        case 1 -> sb.append(time).append("engine:socket sending packet \"open\" ({\"sid\":\"").append(sid)
            .append("\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000})").append(nl);
        case 2 -> {
          sb.append(time).append("Error: something broke").append(nl);
          for (int k = rnd.nextInt(12); k > 0; k--) {
            sb.append("    at handler (/srv/app.js:").append(k).append(":7)").append(nl);
          }
        }
        case 3 -> sb.append(time).append(rnd.nextInt(8) == 0
            ? "engine.io-client:socket socket receive: type \"open\", data \"{\"sid\":\"" + sid + "\"}\""
            : "engine.io-client:socket flushing 1 packets in socket").append(nl);
        case 4 -> sb.append(time).append("engine.io-client:socket socket close with reason: \"transport close\"").append(nl);
        case 5 -> sb.append(time).append("engine unknown sid \"").append(sid).append('"').append(nl);
        case 6 -> sb.append(nl);
        case 7 -> sb.append(time).append("socket.io:socket closing socket - reason ping timeout").append(nl);
        default -> sb.append(time).append("engine:ws received \"2\"").append(nl);
      }
    }
    return sb.toString();
  }

  private Collected assertSameInRanges(Path log, int threads) throws IOException {
    return assertSameInRanges(PARSER, log, threads);
  }

  private Collected assertSameInRanges(LineLogParser parser, Path log, int threads) throws IOException {
    for (boolean unrecognised : new boolean[] {true, false}) {
      Collected plain = new Collected(unrecognised);
      try (InputStream in = Files.newInputStream(log)) {
        parser.parse(in, log.toString(), plain);
      }
      assertThat(LineRanges.applies(parser, Files.size(log), threads)).isTrue();
      // cut where the parser prefers, and at any line start (the checks then decide)
      Collected preferred = new Collected(unrecognised);
      LineRanges.parse(parser, log, log.toString(), preferred, pool, threads);
      Collected anywhere = new Collected(unrecognised);
      LineRanges.parse(parser, log, log.toString(), anywhere, pool, threads, false);
      for (Collected ranges : List.of(preferred, anywhere)) {
        assertThat(ranges.records).as(log + " records, " + threads + " threads").isEqualTo(plain.records);
        assertThat(ranges.left).as(log + " lines left out").isEqualTo(plain.left);
        assertThat(ranges.warnings).as(log + " warnings").isEqualTo(plain.warnings);
      }
      if (!unrecognised) {
        return anywhere;
      }
    }
    throw new AssertionError("unreachable");
  }

  /** Everything a sink is told, in order. */
  private static final class Collected implements RecordSink {
    final boolean unrecognised;
    final List<io.siodoctor.parsers.record.LogLine> records = new ArrayList<>();
    final List<String> left = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    Collected(boolean unrecognised) {
      this.unrecognised = unrecognised;
    }

    @Override
    public void accept(Record record) {
      records.add((io.siodoctor.parsers.record.LogLine) record);
    }

    @Override
    public void warn(String message) {
      warnings.add(message);
    }

    @Override
    public ReadSet plan() {
      return unrecognised ? ReadSet.EVERYTHING : ReadSet.NOTHING;
    }

    @Override
    public void unrecognised(String file, Instant time) {
      left.add(records.size() + " " + file + " " + time);
    }
  }
}
