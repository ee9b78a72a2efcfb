package io.siodoctor.analyzer.diff;

import io.siodoctor.analyzer.InputSource;
import io.siodoctor.parsers.InputReader;
import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.Record;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which capture each log of a {@code diff} belongs to: the one whose HAR's time span (widened by a
 * minute for clock skew) overlaps the log's most; a log that overlaps neither goes with the failing
 * capture, which is where logs are usually collected. Logs of both captures can be given together.
 */
public final class LogAssignment {
  static final Duration SKEW = Duration.ofMinutes(1);

  private LogAssignment() {}

  /** The inputs of each side: its HAR first, then its logs. */
  public record Sides(List<InputSource> working, List<InputSource> failing) {}

  public static Sides assign(InputSource workingHar, InputSource failingHar, List<InputSource> logs) {
    List<InputSource> w = new ArrayList<>(List.of(workingHar));
    List<InputSource> f = new ArrayList<>(List.of(failingHar));
    if (logs.isEmpty()) {
      return new Sides(w, f);
    }
    Span ws = span(workingHar);
    Span fs = span(failingHar);
    for (InputSource log : logs) {
      Span ls = span(log);
      (overlap(ls, ws) > overlap(ls, fs) ? w : f).add(log);
    }
    return new Sides(w, f);
  }

  record Span(Instant from, Instant to) {}

  static long overlap(Span log, Span har) {
    if (log == null || har == null) {
      return -1;
    }
    Instant from = max(log.from(), har.from().minus(SKEW));
    Instant to = min(log.to(), har.to().plus(SKEW));
    return to.isBefore(from) ? -1 : Duration.between(from, to).toMillis();
  }

  /** The first and last time an input states, or null (unreadable, or no times at all). */
  static Span span(InputSource source) {
    Instant[] minMax = new Instant[2];
    RecordSink sink = new RecordSink() {
      @Override
      public void accept(Record r) {
        note(r.time());
      }

      @Override
      public void warn(String message) {
        // only times matter here; the analysis reports the warnings
      }

      @Override
      public ReadSet plan() {
        return ReadSet.NOTHING;
      }

      @Override
      public void unrecognised(String file, Instant time) {
        note(time);
      }

      private void note(Instant t) {
        if (t != null) {
          minMax[0] = minMax[0] == null || t.isBefore(minMax[0]) ? t : minMax[0];
          minMax[1] = minMax[1] == null || t.isAfter(minMax[1]) ? t : minMax[1];
        }
      }
    };
    try (InputStream in = source.open()) {
      new InputReader().read(in, source.name(), sink);
    } catch (IOException | RuntimeException e) {
      return null; // the analysis names the unreadable input
    }
    return minMax[0] == null ? null : new Span(minMax[0], minMax[1]);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
