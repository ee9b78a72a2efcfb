package io.siodoctor.analyzer.scan;

import io.siodoctor.parsers.logs.TimeReader;
import java.util.List;
import java.io.PrintStream;
import java.util.Map;

/** The summary as a table for people at a terminal. */
public final class SummaryText {
  private SummaryText() {}

  public static void print(ScanSummary s, TrendComparison trend, PrintStream out) {
    out.printf("%d files, %s stored, %s read, %d records in %.1f s%n", s.files(), size(s.bytes()),
        size(s.uncompressedBytes()), s.records(), s.seconds());
    out.println();
    if (s.causes().isEmpty()) {
      out.println("No causes found.");
    } else {
      String header = String.format("%-34s %9s %9s  %-20s  %-20s  %s", "cause", "sessions", "events", "first", "last",
          trend == null ? "files" : "change  files");
      out.println(header);
      out.println("-".repeat(Math.min(120, header.length() + 10)));
      for (CauseTally t : s.causes()) {
        out.printf("%-34s %9d %9d  %-20s  %-20s  %s%s%n", t.id(), t.sessions(), t.events(), orDash(TimeReader.seconds(t.first())),
            orDash(TimeReader.seconds(t.last())), trend == null ? "" : String.format("%-7s ", trend.shortChange(t)),
            t.files().size() == 1 ? t.files().first() : t.files().size() + " files");
      }
      for (CauseTally t : s.causes()) {
        out.println();
        out.println(t.id() + " per hour:");
        for (Map.Entry<String, Long> h : t.hours().entrySet()) {
          out.printf("  %s  %7d%n", h.getKey(), h.getValue());
        }
        out.println("  examples:");
        for (Example e : t.examples()) {
          out.printf("    %s %s: %s%s%n", e.file(), e.location(), e.excerpt(), e.note() == null ? "" : "  (" + e.note() + ")");
        }
      }
    }
    if (!s.unreadable().isEmpty()) {
      out.println();
      out.println("Unreadable:");
      for (ScanSummary.Unreadable u : s.unreadable()) {
        out.println("  " + u.file() + ": " + u.error());
      }
    }
    List<ScanSummary.Skipped> skipped = s.skipped();
    if (!skipped.isEmpty()) {
      out.println();
      out.println("Skipped " + skipped.size() + " file(s) that are neither HARs nor logs:");
      for (ScanSummary.Skipped k : skipped.subList(0, Math.min(SHOWN_SKIPPED, skipped.size()))) {
        out.println("  " + k.file());
      }
      if (skipped.size() > SHOWN_SKIPPED) {
        out.println("  ... and " + (skipped.size() - SHOWN_SKIPPED) + " more (all in --format json)");
      }
    }
  }

  /** Skipped files named in the text summary; the JSON names them all. */
  private static final int SHOWN_SKIPPED = 20;

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format("%.1f %s", v, units[u]);
  }
}
