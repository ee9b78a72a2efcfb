package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The debug-log recognisers answer the same on a message's bytes as on its String ({@link
 * MessageText}), and the debug parser that skips the lines its sink's plan does not read, without
 * decoding them, makes exactly the other records and passes on exactly the skipped lines' times:
 * on every line of the sample captures' logs and on odd ones (non-ASCII and broken UTF-8 at and
 * around the recognised prefixes).
 */
class MessageTextSamenessTest {
  private static final Path CAPTURES = Path.of("..", "sample-captures");
  private static final String[] NAMESPACES = {
    null, "engine", "engine:polling", "engine:socket", "socket.io:socket", "socket.io-client:manager",
    "engine.io-client:socket", "app"
  };

  /** Messages around the recognised prefixes that the captures may not hold. */
  private static final List<String> ODD = List.of(
      "", "g", "got ping", "got pinG", "got ping ", "got p\u00e9ng", "got pi\u00f1g", "close (x)", "close (\u00e9)",
      "close (x", "connect_error", "connect_error\u00e9", "transport error", "transport error:",
      "transport error: \u00e9 boom ", "transport errors", "transport error\u00e9", "writing ping packet - expecting pong within 2\u0663\u0664",
      "writing ping packet - expecting pong within \u0663", "writing \"\u0663\u0664:4\"", "writing \"12:40\"",
      "writing \"4\u001e4\"", "sending packet \"open\" ({\"sid\":\"\u00e9x\"})", "sending packet \"open\" (x",
      "bad request: unexpected transport without upgrade", "bad request: \u00e9", "creation of namespace /x was denied",
      "creation of namespace was denied", "creation of namespace \u00e9 was denied", "handshaking client \"\u00e9\"",
      "\u00e9 handshaking client \"a\"", "Max payload size exceeded", "x Max payload size exceede",
      "\u00e9 EMFILE", "ENFILE\u00e9", "Too many open files", "sid=\u00e9abc", "url ?sid=abc&x=1",
      "socket receive: type \"open\", data \"{\"sid\":\"abc\"}\"", "socket receive: type \"pong\"",
      "incoming connection with id \u00e9a", "unknown sid \"x", "might upgrade socket transport from \"polling\" to \"websocket\"");

  private static List<String> captureLines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CAPTURES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
        lines.addAll(Arrays.asList(new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\r?\n")));
      }
    }
    return lines;
  }

  /** The message and each tail after a space (what follows a time and a namespace). */
  private static List<byte[]> messages(List<String> lines) {
    List<byte[]> out = new ArrayList<>();
    for (String line : lines) {
      byte[] b = line.getBytes(StandardCharsets.UTF_8);
      out.add(b);
      for (int i = 0, spaces = 0; i < b.length && spaces < 3; i++) {
        if (b[i] == ' ') {
          spaces++;
          out.add(Arrays.copyOfRange(b, i + 1, b.length));
        }
      }
    }
    // broken UTF-8 before, inside and after the prefixes
    for (String s : ODD) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      out.add(b);
      for (int cut : new int[] {0, 1, 4, b.length}) {
        if (cut <= b.length) {
          byte[] broken = new byte[b.length + 1];
          System.arraycopy(b, 0, broken, 0, cut);
          broken[cut] = (byte) 0xC3;
          System.arraycopy(b, cut, broken, cut + 1, b.length - cut);
          out.add(broken);
        }
      }
    }
    return out;
  }

  private static List<Object> answer(EngineIoMessages.Result r) {
    return Arrays.asList(r.event, r.fact, r.sid);
  }

  @Test
  void recognisersAnswerTheSameOnBytesAsOnTheString() throws IOException {
    List<byte[]> messages = messages(captureLines());
    assertThat(messages).hasSizeGreaterThan(10_000);
    EngineIoMessages.Result plain = new EngineIoMessages.Result();
    EngineIoMessages.Result fast = new EngineIoMessages.Result();
    MessageText.Bytes bytes = new MessageText.Bytes();
    int recognised = 0;
    for (byte[] m : messages) {
      // bytes with something before and after them in the buffer, as in a line
      byte[] buf = new byte[m.length + 4];
      buf[0] = 'x';
      buf[1] = ' ';
      System.arraycopy(m, 0, buf, 2, m.length);
      buf[m.length + 2] = '\n';
      buf[m.length + 3] = 'y';
      String s = new String(m, StandardCharsets.UTF_8);
      for (String ns : NAMESPACES) {
        EngineIoMessages.recognise(ns, s, plain);
        EngineIoMessages.recognise(ns, bytes.set(buf, 2, m.length + 2), fast);
        assertThat(answer(fast)).as("recognise %s %s", ns, s).isEqualTo(answer(plain));
        if (plain.event != LogEvent.OTHER || plain.sid != null) {
          recognised++;
        }
        if (ns != null) {
          EngineIoMessages.recogniseDebugLine(ns, MessageText.of(s), plain);
          EngineIoMessages.recogniseDebugLine(ns, bytes.set(buf, 2, m.length + 2), fast);
          assertThat(answer(fast)).as("debug line %s %s", ns, s).isEqualTo(answer(plain));
        }
      }
      EngineIoMessages.recogniseOutput(MessageText.of(s), plain);
      EngineIoMessages.recogniseOutput(bytes.set(buf, 2, m.length + 2), fast);
      assertThat(answer(fast)).as("output %s", s).isEqualTo(answer(plain));
      assertThat(bytes.set(buf, 2, m.length + 2).string()).isEqualTo(s);
    }
    assertThat(recognised).as("the captures hold recognised messages").isGreaterThan(1_000);
  }

  private static boolean unread(LogLine l) {
    return l.event() == LogEvent.OTHER && (l.sessionId() == null || l.sessionId().isEmpty())
        && l.access() == null;
  }

  @Test
  void theDebugParserSkipsExactlyTheLinesThePlanDoesNotRead() throws IOException {
    List<String> lines = new ArrayList<>(captureLines());
    for (String s : ODD) {
      lines.add("2026-11-25T10:00:00.000Z engine " + s);
      lines.add("2026-11-25T10:00:00.001Z " + s);
      lines.add("  \u001b[36;1mengine:socket \u001b[0m" + s + " \u001b[36m+25s\u001b[0m");
    }
    byte[] log = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    CollectingSink all = new CollectingSink(ReadSet.EVERYTHING);
    CollectingSink some = new CollectingSink(ReadSet.NOTHING);
    new EngineIoDebugLogParser().parse(new ByteArrayInputStream(log), "fixture-node-a.log", all);
    new EngineIoDebugLogParser().parse(new ByteArrayInputStream(log), "fixture-node-a.log", some);
    assertThat(all.leftOut).isEmpty();
    assertThat(some.lines).isEqualTo(all.lines.stream().filter(l -> !unread(l)).toList());
    assertThat(some.leftOut).isEqualTo(all.lines.stream().filter(MessageTextSamenessTest::unread).map(LogLine::time).toList());
    assertThat(some.warnings).isEqualTo(all.warnings);
    assertThat(some.leftOut).hasSizeGreaterThan(some.lines.size());
  }
}
