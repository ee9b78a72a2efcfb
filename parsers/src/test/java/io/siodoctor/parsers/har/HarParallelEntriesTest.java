package io.siodoctor.parsers.har;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.siodoctor.parsers.InputError;
import io.siodoctor.parsers.capture.CaptureProfile;
import io.siodoctor.parsers.record.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fast path for big HARs (entries found by a byte scan and parsed in parallel, long skipped
 * bodies stepped over unread) gives exactly what the streaming parser gives: the same records,
 * warnings, capture profile and error, on every sample capture and on odd and broken HARs.
 */
class HarParallelEntriesTest {

  /** What one parse gave: records, warnings, profile, error (null when none). */
  record Outcome(List<Object> records, List<String> warnings, CaptureProfile capture, String error) {}

  /** Lanes and region sizes of {@link EntryLanes} tried: entries straddle regions, guesses fail and hold. */
  private static final int[][] LANES = {{1, 0}, {2, 64}, {3, 333}, {4, 2048}, {2, 0}};

  private static Outcome parse(byte[] har, boolean parallel, boolean otherBodies) throws IOException {
    return parse(har, parallel, otherBodies, 0, 0);
  }

  private static Outcome parse(byte[] har, boolean parallel, boolean otherBodies, int lanes, int region)
      throws IOException {
    List<Object> records = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    CaptureProfile[] capture = new CaptureProfile[1];
    String error = null;
    io.siodoctor.parsers.RecordSink sink = new io.siodoctor.parsers.RecordSink() {
      @Override
      public void accept(io.siodoctor.parsers.record.Record record) {
        records.add(record);
      }

      @Override
      public void warn(String message) {
        warnings.add(message);
      }

      @Override
      public io.siodoctor.parsers.ReadSet plan() {
        io.siodoctor.parsers.ReadSet exchanges = io.siodoctor.parsers.ReadSet.of(
            List.of(HttpExchange.class, io.siodoctor.parsers.record.WsFrame.class), List.of());
        return otherBodies ? exchanges.withOtherBodies() : exchanges;
      }

      @Override
      public void capture(CaptureProfile profile) {
        capture[0] = profile;
      }
    };
    try {
      new HarParser(parallel ? 0L : Long.MAX_VALUE, lanes, region).parse(new ByteArrayInputStream(har), "x.har", sink);
    } catch (InputError e) {
      error = e.getMessage();
    }
    return new Outcome(records, warnings, capture[0], error);
  }

  private static void assertSame(byte[] har, String what) throws IOException {
    for (boolean otherBodies : new boolean[] {false, true}) {
      Outcome plain = parse(har, false, otherBodies);
      for (int[] lanes : LANES) {
        Outcome fast = parse(har, true, otherBodies, lanes[0], lanes[1]);
        assertEquals(plain, fast, what + (otherBodies ? " (every body read)" : " (other bodies skipped)") + ", lanes "
            + lanes[0] + " of " + lanes[1] + " bytes");
      }
    }
  }

  private static Path captures() {
    String root = System.getProperty("sio.repo.root", "..");
    return Path.of(root).toAbsolutePath().normalize().resolve("sample-captures");
  }

  @Test
  void everySampleCaptureGivesTheSameRecords() throws IOException {
    List<Path> hars;
    try (Stream<Path> s = Files.list(captures())) {
      hars = s.map(d -> d.resolve("capture.har")).filter(Files::isRegularFile).sorted().toList();
    }
    assertTrue(hars.size() > 50, "sample captures found: " + hars.size());
    for (Path har : hars) {
      assertSame(Files.readAllBytes(har), har.getParent().getFileName().toString());
    }
  }

  @Test
  void skippedBodiesKeepTheirSizeAndLeaveTheRestOfTheRecord() throws IOException {
    byte[] har = Files.readAllBytes(captures().resolve("healthy--v3-pair/capture.har"));
    List<Object> all = parse(har, true, true).records();
    List<Object> skipped = parse(har, true, false).records();
    assertEquals(all.size(), skipped.size());
    int bundles = 0;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) instanceof HttpExchange a && skipped.get(i) instanceof HttpExchange b) {
        boolean kept = a.isEngineIo() || a.responseMimeType().contains("html") || "document".equals(a.resourceType());
        assertEquals(kept ? a.responseBody() : "", b.responseBody(), a.url());
        assertEquals(a.responseBodySize(), b.responseBodySize(), a.url());
        assertEquals(a.status(), b.status());
        bundles += kept ? 0 : 1;
      } else {
        assertEquals(all.get(i), skipped.get(i));
      }
    }
    assertTrue(bundles > 0, "the capture serves its client bundle with content");
  }

  private static String entry(int i, String url, String mime, String text) {
    return "{\"startedDateTime\":\"2026-01-01T00:00:0" + (i % 10) + "Z\",\"time\":1.5,"
        + "\"request\":{\"method\":\"GET\",\"url\":\"" + url + "\",\"headers\":[{\"name\":\"X-Q\",\"value\":\"a \\\"b\\\" \\\\ c\"}],\"cookies\":[],\"bodySize\":0},"
        + "\"response\":{\"status\":200,\"statusText\":\"OK\",\"headers\":[],\"cookies\":[],"
        + "\"content\":{\"size\":" + text.length() + ",\"mimeType\":\"" + mime + "\",\"text\":\"" + text + "\"}},"
        + "\"cache\":{},\"timings\":{\"wait\":1},\"_initiator\":{\"type\":\"script\",\"stack\":{\"callFrames\":[]}}}";
  }

  private static String har(String separatorAndEntries) {
    return "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"WebInspector\",\"version\":\"1\"},\"pages\":[],\r\n\"entries\":["
        + separatorAndEntries + "]}}";
  }

  private static String odd() {
    String bundle = "var s = \\\"caf\u00e9 \uD83D\uDE00\\\";\\n".repeat(400);
    return har("\n  " + entry(0, "http://h/a.js", "application/javascript", bundle)
        + ",\r\n  " + entry(1, "http://h/socket.io/?EIO=4&transport=polling&t=x", "text/plain; charset=UTF-8",
            "0{\\\"sid\\\":\\\"abc\\\",\\\"upgrades\\\":[],\\\"pingInterval\\\":25000,\\\"pingTimeout\\\":20000}")
        + ",\n\t" + entry(2, "http://h/\u00fcber?q=\\u00e9", "text/html", "<html><title>\\u00e9 \\\"x\\\"</title>")
        + "," + entry(3, "http://h/img.png", "image/png", "[image/png redacted]")
        + ", " + entry(4, "http://h/b.js", "application/javascript", "x".repeat(5000) + "\\u0041\\/"));
  }

  @Test
  void oddButValidHarsGiveTheSameRecords() throws IOException {
    String odd = odd();
    assertSame(odd.getBytes(StandardCharsets.UTF_8), "escapes, unicode, CRLF, markers, long bodies");
    // not the plain shape: the rest is read by the streaming parser from there
    assertSame(odd.replace(",\r\n  {", ", 17, {").getBytes(StandardCharsets.UTF_8), "a number among the entries");
    assertSame(odd.replace("]}}", "],\"comment\":\"after\",\"entries\":[]},\"x\":[1]}").getBytes(StandardCharsets.UTF_8),
        "members after the entries");
    assertSame(har("").getBytes(StandardCharsets.UTF_8), "no entries");
    assertSame(har(" null ").getBytes(StandardCharsets.UTF_8), "a null entry");
    Outcome fast = parse(odd.getBytes(StandardCharsets.UTF_8), true, false);
    assertEquals(5, fast.records().size(), fast.toString());
    assertEquals(null, fast.error());
  }

  @Test
  void brokenHarsGiveTheSameError() throws IOException {
    String odd = odd();
    String[] broken = {
      odd.replace(",\r\n  {", " {"), // a missing comma
      odd.replace("\"time\":1.5,\"request\"", "\"time\":1.5 \"request\""),
      odd.replace("x".repeat(5000), "x".repeat(4000) + "\u0001" + "x".repeat(999)), // a control character in a skipped body
      odd.replace("x".repeat(5000), "x".repeat(4000) + "\\q" + "x".repeat(998)), // an invalid escape
      odd.replace("\"wait\":1", "\"wait\":tru"),
      odd.replace("}}]}}", "}]]}}"),
    };
    for (String b : broken) {
      Outcome plain = parse(b.getBytes(StandardCharsets.UTF_8), false, false);
      assertTrue(plain.error() != null, "broken: " + plain);
      assertSame(b.getBytes(StandardCharsets.UTF_8), "broken");
    }
    // invalid UTF-8 inside a long skipped body
    byte[] bytes = odd.getBytes(StandardCharsets.UTF_8);
    int at = odd.indexOf("x".repeat(5000));
    byte[] bad = bytes.clone();
    bad[odd.substring(0, at).getBytes(StandardCharsets.UTF_8).length + 4000] = (byte) 0xC3;
    assertTrue(parse(bad, false, false).error() != null);
    assertSame(bad, "invalid UTF-8");
  }

  @Test
  void aHarCutAnywhereGivesTheSameRecordsAndError() throws IOException {
    byte[] whole = odd().getBytes(StandardCharsets.UTF_8);
    int errors = 0;
    for (int cut = 0; cut < whole.length; cut += 7) {
      byte[] part = java.util.Arrays.copyOf(whole, cut);
      Outcome plain = parse(part, false, false);
      assertEquals(plain, parse(part, true, false), "cut at byte " + cut);
      assertEquals(plain, parse(part, true, false, 3, 64 + cut % 700), "cut at byte " + cut + ", three lanes");
      errors += plain.error() != null ? 1 : 0;
    }
    assertTrue(errors > 100);
    assertFalse(parse(whole, true, false).error() != null);
  }
}
