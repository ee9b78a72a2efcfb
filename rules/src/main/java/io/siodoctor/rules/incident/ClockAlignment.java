package io.siodoctor.rules.incident;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.rules.api.ClockOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aligns server logs with the browser's clock. A handshake is seen twice: the server logs
 * {@code handshaking client "<sid>"} and the HAR has the response carrying that sid a few
 * milliseconds later. The median difference over the shared sids is the log's clock offset; a log
 * off by more than {@link #APPLY_ABOVE_MILLIS} is shifted onto the browser's clock so that rules
 * compare like with like.
 */
final class ClockAlignment {
  static final long APPLY_ABOVE_MILLIS = 500;

  private ClockAlignment() {}

  /** The offsets found, per log file. */
  static List<ClockOffset> estimate(List<Record> records) {
    Map<String, Instant> browserHandshakes = new HashMap<>();
    for (Record r : records) {
      if (r instanceof HttpExchange x && x.handshake() != null && x.handshake().sid() != null && x.time() != null) {
        Instant answered = x.ended();
        browserHandshakes.putIfAbsent(x.handshake().sid(), answered);
      }
    }
    if (browserHandshakes.isEmpty()) {
      // logs alone (a scan): nothing to align them with
      return List.of();
    }
    Map<String, List<Long>> diffs = new LinkedHashMap<>();
    for (Record r : records) {
      if (r instanceof LogLine l && l.is(LogEvent.HANDSHAKE) && l.sessionId() != null && l.time() != null) {
        Instant browser = browserHandshakes.get(l.sessionId());
        if (browser != null) {
          diffs.computeIfAbsent(l.location().file(), k -> new ArrayList<>())
              .add(l.time().toEpochMilli() - browser.toEpochMilli());
        }
      }
    }
    List<ClockOffset> offsets = new ArrayList<>();
    for (Map.Entry<String, List<Long>> e : diffs.entrySet()) {
      List<Long> d = new ArrayList<>(e.getValue());
      d.sort(null);
      long median = d.get(d.size() / 2);
      offsets.add(new ClockOffset(e.getKey(), median, d.size(), Math.abs(median) > APPLY_ABOVE_MILLIS));
    }
    return offsets;
  }

  /** The records with the lines of each misaligned log moved onto the browser's clock. */
  static List<Record> apply(List<Record> records, List<ClockOffset> offsets) {
    Map<String, Long> shift = new HashMap<>();
    for (ClockOffset o : offsets) {
      if (o.applied()) {
        shift.put(o.file(), o.offsetMillis());
      }
    }
    if (shift.isEmpty()) {
      return records;
    }
    List<Record> out = new ArrayList<>(records.size());
    for (Record r : records) {
      Long ms = r instanceof LogLine ? shift.get(r.location().file()) : null;
      if (ms != null && r.time() != null) {
        out.add(((LogLine) r).withTime(r.time().minusMillis(ms)));
      } else {
        out.add(r);
      }
    }
    return out;
  }
}
