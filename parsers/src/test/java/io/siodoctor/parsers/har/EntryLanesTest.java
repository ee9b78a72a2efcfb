package io.siodoctor.parsers.har;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The lanes find exactly the entries one {@link EntrySplitter} finds, with the same offsets,
 * lines, columns and long strings, and the same rest; and their guesses are believed on a file of
 * the plain shape (else the scan would not be spread over the cores at all).
 */
class EntryLanesTest {
  private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

  @AfterAll
  static void stop() {
    POOL.shutdownNow();
  }

  /** What a scan found: the entries, and where the rest starts (offset, line, column), then the rest's bytes. */
  record Found(List<String> entries, String rest) {}

  private static String describe(EntrySplitter.Slice s) {
    return s.offset() + "@" + s.line() + ":" + s.column() + " " + java.util.Arrays.toString(s.longStrings()) + " "
        + new String(s.bytes(), s.from(), s.length(), StandardCharsets.UTF_8);
  }

  private static Found sequential(byte[] after) throws IOException {
    EntrySplitter splitter = new EntrySplitter(new byte[0], new ByteArrayInputStream(after), 100, 3, 7);
    List<String> entries = new ArrayList<>();
    for (EntrySplitter.Slice s = splitter.next(); s != null; s = splitter.next()) {
      entries.add(describe(s));
    }
    return new Found(entries, splitter.restOffset() + "@" + splitter.restLine() + ":" + splitter.restColumn() + " "
        + new String(splitter.rest().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static Found lanes(byte[] after, int lanes, int region, int[] believed) throws Exception {
    // the bytes Jackson read ahead come first, the stream after them
    int ahead = Math.min(after.length, 5);
    EntryLanes scan = new EntryLanes(java.util.Arrays.copyOf(after, ahead),
        new ByteArrayInputStream(after, ahead, after.length - ahead), 100, 3, 7, lanes, region);
    List<String> entries = new ArrayList<>();
    scan.run(s -> {
      entries.add(describe(s));
      if (s.window() != null) {
        s.window().release();
      }
    }, POOL);
    believed[0] += scan.believed();
    return new Found(entries, scan.restOffset() + "@" + scan.restLine() + ":" + scan.restColumn() + " "
        + new String(scan.rest().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static String entry(int i, String separatorInside) {
    String body = i % 3 == 0 ? "x\\\"{[}]\\\\ \\u00e9 caf\u00e9 ".repeat(30 + i * 7) : "short {\\\"a\\\":[1]}, {";
    return "{" + separatorInside + "\"startedDateTime\": \"2026-01-01T00:00:00Z\"," + separatorInside
        + "\"request\": {\"url\": \"http://h/" + i + "\", \"headers\": [{\"name\": \"a\"}, {\"name\": \"b\"}]},"
        + separatorInside + "\"response\": {\"content\": {\"text\": \"" + body + "\"}},"
        + separatorInside + "\"_webSocketMessages\": [{\"type\": \"send\", \"time\": 1}, {\"time\": 2, \"type\": \"x\"}]}";
  }

  private static byte[] entries(int n, String between, String inside, String end) {
    StringBuilder sb = new StringBuilder("\n");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : between).append(entry(i, inside));
    }
    return sb.append(end).toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void lanesFindWhatOneSplitterFinds() throws Exception {
    int[] believed = {0};
    List<byte[]> inputs = List.of(
        entries(120, ", ", "", "]}}"),
        entries(120, ",\r\n    ", "\n      ", "\n  ]\n}}"),
        entries(80, ",", " ", ", 17]}"), // the shape ends at a number: the rest from after the last entry
        entries(60, ", ", "", ""), // the input ends inside the array
        entries(60, ", ", "", "").clone());
    byte[] cut = inputs.get(4);
    cut[cut.length - 40] = '\u0001'; // a control character in the last entry's last string
    for (byte[] after : inputs) {
      Found one = sequential(after);
      for (int lanes = 1; lanes <= 4; lanes++) {
        for (int region : new int[] {64, 700, 2048, 9000, 1 << 20}) {
          assertEquals(one, lanes(after, lanes, region, believed), lanes + " lanes of " + region + " bytes");
        }
      }
    }
    assertTrue(believed[0] > 100, "guessed lanes believed: " + believed[0]);
  }

  @Test
  void guessesNeedAnEntryMemberAfterTheBrace() {
    byte[] b = "[{\"a\": 1}, {\"name\": 2}, {\"type\": 3},{ \"_x\": 1}, {\"time\": 4}]".getBytes(StandardCharsets.UTF_8);
    int custom = new String(b, StandardCharsets.UTF_8).indexOf("{ \"_x\"");
    assertEquals(custom, EntryLanes.guess(b, 2, b.length, b.length));
    assertEquals(new String(b, StandardCharsets.UTF_8).indexOf("{\"time\""),
        EntryLanes.guess(b, custom + 1, b.length, b.length));
    assertEquals(-1, EntryLanes.guess(b, 2, custom, b.length));
    assertArrayEquals(new int[] {custom}, new int[] {EntryLanes.nearestGuess(b, custom + 3, 0, b.length, b.length)});
  }

  @Test
  void aGuessFartherBackThanTheBoundIsPassedOverForTheOneAfter() {
    String gap = "x".repeat(EntryLanes.GUESS_BACK_BYTES);
    String json = "[{\"a\": \"" + gap.repeat(4) + "\"}, {\"time\": 1, \"t\": \"" + gap + gap + gap + "\"}, {\"time\": 2, \"t\": \"" + gap + "\"}]";
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    int first = json.indexOf("{\"time\": 1");
    int second = json.indexOf("{\"time\": 2");
    // just past the first start: it is the nearest
    assertEquals(first, EntryLanes.nearestGuess(b, first + 10, 0, b.length, b.length));
    // nearer the first than the second, but farther back than the bound: the second
    int at = first + EntryLanes.GUESS_BACK_BYTES + 100;
    assertTrue(at - first < second - at, "the first is the nearer");
    assertTrue(at / 2 < first, "and within half way back to the start");
    assertEquals(second, EntryLanes.nearestGuess(b, at, 0, b.length, b.length));
  }
}
