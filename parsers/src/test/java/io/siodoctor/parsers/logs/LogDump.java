package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.InputParser;
import io.siodoctor.parsers.InputParsers;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints what the log parsers make of files: {@code LogDump [--all] file...}. Without {@code
 * --all} only lines with an event or a sid are printed.
 */
public final class LogDump {
  public static void main(String[] args) throws Exception {
    boolean all = false;
    for (String a : args) {
      if (a.equals("--all")) {
        all = true;
        continue;
      }
      Path p = Path.of(a);
      byte[] head = new byte[65536];
      int n;
      try (InputStream in = Files.newInputStream(p)) {
        n = in.readNBytes(head, 0, head.length);
      }
      InputParser chosen = null;
      for (InputParser ip : InputParsers.all()) {
        if (ip.sniff(Arrays.copyOf(head, n), n)) {
          chosen = ip;
          break;
        }
      }
      System.out.println("=== " + a + " -> " + (chosen == null ? "(none)" : chosen.format()));
      if (chosen == null) {
        continue;
      }
      final boolean everything = all;
      try (InputStream in = Files.newInputStream(p)) {
        chosen.parse(
            in,
            a,
            new RecordSink() {
              @Override
              public void accept(Record r) {
                if (!(r instanceof LogLine)) {
                  return;
                }
                LogLine l = (LogLine) r;
                if (everything || l.event() != io.siodoctor.parsers.record.LogEvent.OTHER
                    || l.sid().isPresent()) {
                  System.out.println(
                      l.lineNumber() + " " + l.time() + " node=" + l.node() + " lvl=" + l.level()
                          + " src=" + l.source() + " sid=" + l.sid() .orElse("-") + " "
                          + l.event() + (l.fact().text() == null ? "" : "(" + l.fact().text() + ")")
                          + (l.access() == null ? "" : " " + l.access())
                          + " | " + io.siodoctor.parsers.record.Excerpts.oneLine(l.message(), 120));
                }
              }

              @Override
              public void warn(String message) {
                System.out.println("WARN " + message);
              }
            });
      }
    }
  }
}
