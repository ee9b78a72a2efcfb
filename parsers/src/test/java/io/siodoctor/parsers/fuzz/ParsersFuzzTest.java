package io.siodoctor.parsers.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.siodoctor.parsers.InputParser;
import io.siodoctor.parsers.InputParsers;
import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.PacketDecoder;
import io.siodoctor.parsers.engineio.ProtocolRevision;
import io.siodoctor.parsers.har.HarParser;
import io.siodoctor.parsers.redact.SecretMasker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Coverage-guided fuzz targets for everything in {@code parsers} that reads untrusted bytes (Jazzer).
 * In {@code mvn verify} each target replays its inputs directory ({@code
 * src/test/resources/io/siodoctor/parsers/fuzz/ParsersFuzzTestInputs/<target>/}, where every input
 * that ever failed is kept) and, through {@link #sampleCapturesAsSeeds}, every file of {@code
 * sample-captures/}; {@code bench/fuzz.sh} fuzzes them for minutes each ({@code JAZZER_FUZZ=1}).
 */
class ParsersFuzzTest {
  private static final List<InputParser> LOG_PARSERS =
      InputParsers.all().stream().filter(p -> !(p instanceof HarParser)).toList();

  static {
    // load (and, when fuzzing, instrument) every class before the first timed input: cold start is not a hang
    warmUp();
  }

  private static void warmUp() {
    byte[] har = ("{\"log\":{\"entries\":[{\"startedDateTime\":\"2026-11-26T03:30:33.054Z\",\"request\":{\"method\":"
        + "\"GET\",\"url\":\"http://a/socket.io/?EIO=4&transport=polling\",\"headers\":[]},\"response\":{\"status\":"
        + "200,\"content\":{\"mimeType\":\"text/plain\",\"text\":\"0{\\\"sid\\\":\\\"x\\\"}\"}}}]}}")
        .getBytes(StandardCharsets.UTF_8);
    byte[] log = "2026-11-26T03:30:33.054Z engine:socket sending packet 40{\"token\":\"x\"} (index):1 a\n"
        .getBytes(StandardCharsets.UTF_8);
    try {
      FuzzChecks.parse(new HarParser(), har);
      for (InputParser p : LOG_PARSERS) {
        FuzzChecks.parse(p, log);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String line = new String(log, StandardCharsets.UTF_8);
    PacketDecoder.decodePolling(line, "text/plain", false);
    PacketDecoder.decodeFrame(line, 1, ProtocolRevision.UNKNOWN);
    PacketDecoder.decodeSocketIo(line);
    PacketDecoder.parseQuery(line);
    PacketDecoder.parseError(line);
    SecretMasker.mask(line + " Authorization: Bearer abcdefghijk 40/a,{\"a\":1} eyJabcdef.eyJabcdef.x");
  }

  @FuzzTest(maxDuration = "10m")
  void har(byte[] data) throws IOException {
    FuzzChecks.parse(new HarParser(), data);
  }

  /** Each log recogniser in turn: the first byte picks it, the rest is its input. */
  @FuzzTest(maxDuration = "10m")
  void logs(FuzzedDataProvider data) throws IOException {
    InputParser parser = LOG_PARSERS.get(data.consumeInt(0, LOG_PARSERS.size() - 1));
    FuzzChecks.parse(parser, data.consumeRemainingAsBytes());
  }

  /** The Engine.IO and Socket.IO decoders on any packet, payload, URL or error body. */
  @FuzzTest(maxDuration = "10m")
  void engineIo(FuzzedDataProvider data) {
    long start = FuzzChecks.now();
    String mime = data.pickValue(new String[] {"text/plain; charset=UTF-8", "application/octet-stream",
        "application/javascript", "text/html", ""});
    boolean base64 = data.consumeBoolean();
    int opcode = data.consumeInt(1, 2);
    ProtocolRevision revision = data.pickValue(ProtocolRevision.values());
    String s = data.consumeRemainingAsString();
    PacketDecoder.decodePolling(s, mime, base64);
    EngineIoPacket packet = PacketDecoder.decodeFrame(s, opcode, revision);
    if (packet != null) {
      PacketDecoder.parseHandshake(packet);
    }
    PacketDecoder.decodeSocketIo(s);
    PacketDecoder.parseQuery(s);
    PacketDecoder.parseError(s);
    FuzzChecks.inTime(start);
  }

  /** The masker on any text: linear, no stack growth, and never longer than the text plus its markers. */
  @FuzzTest(maxDuration = "10m")
  void masker(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    long start = FuzzChecks.now();
    String masked = SecretMasker.mask(text);
    FuzzChecks.inTime(start);
    assertThat(masked == null ? 0 : masked.length()).isLessThanOrEqualTo(text.length() * 20 + 20);
  }

  /** The seed corpus (every sample capture) replayed through the same targets in every build. */
  @TestFactory
  Stream<DynamicTest> sampleCapturesAsSeeds() throws IOException {
    return FuzzChecks.sampleCaptureFiles().stream().map(p -> DynamicTest.dynamicTest(p.getParent().getFileName()
        + "/" + p.getFileName(), () -> seed(p)));
  }

  private void seed(Path p) throws IOException {
    byte[] bytes = Files.readAllBytes(p);
    if (p.toString().endsWith(".har")) {
      har(bytes);
    } else {
      for (InputParser parser : LOG_PARSERS) {
        FuzzChecks.parse(parser, bytes);
      }
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    long start = FuzzChecks.now();
    SecretMasker.mask(text);
    FuzzChecks.inTime(start);
    text.lines().limit(2_000).forEach(line -> {
      PacketDecoder.decodeSocketIo(line);
      PacketDecoder.decodeFrame(line, 1, ProtocolRevision.UNKNOWN);
      PacketDecoder.parseError(line);
    });
  }
}
