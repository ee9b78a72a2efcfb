package io.siodoctor.analyzer.scan;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.rules.api.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sticky sessions across the files of a night. Each file is analysed alone, so a sid issued by
 * node-a (in node-a.log) and rejected as unknown by node-b (in node-b.log) is invisible to the rules.
 * This keeps a compact sid→issuing node map of every handshake and the (rare) unknown-sid lines, and
 * at the end counts each rejection by another node than the issuer, in another file, as a
 * {@code sticky-session-missing} event. Same-file pairs are left to the rule, so nothing is counted
 * twice.
 */
final class StickyCorrelator {
  static final String CAUSE = "sticky-session-missing";

  private record Rejection(String sid, String node, int file, Evidence evidence) {}

  private final SidNodeMap issued = new SidNodeMap();
  private final List<Rejection> rejections = new ArrayList<>();
  private final ConcurrentHashMap<String, Integer> fileNumbers = new ConcurrentHashMap<>();
  private final AtomicInteger nextFile = new AtomicInteger();

  int fileNumber(String file) {
    return fileNumbers.computeIfAbsent(file, f -> nextFile.getAndIncrement());
  }

  void observe(Record record, int file) {
    if (!(record instanceof LogLine line) || line.sessionId() == null || line.sessionId().isEmpty()) {
      return;
    }
    if (line.is(LogEvent.HANDSHAKE)) {
      issued.put(line.sessionId(), LogNodes.of(line), file);
    } else if (line.is(LogEvent.UNKNOWN_SID)) {
      synchronized (rejections) {
        rejections.add(new Rejection(line.sessionId(), LogNodes.of(line), file, Evidence.of(line)));
      }
    }
  }

  /** Adds the cross-file stories to the summary; call once, after every file is done. Returns their places. */
  List<Evidence> addTo(ScanSummary summary) {
    List<Evidence> places = new ArrayList<>();
    synchronized (rejections) {
      for (Rejection r : rejections) {
        SidNodeMap.Issued by = issued.get(r.sid());
        if (by == null || by.file() == r.file() || by.node() == null || by.node().equals(r.node())) {
          continue;
        }
        synchronized (summary) {
          CauseTally t = summary.tally(CAUSE);
          t.addSessions(List.of(r.sid()));
          t.addEvidence(r.evidence());
        }
        places.add(r.evidence());
      }
    }
    return places;
  }

  int sessionsIssued() {
    return issued.size();
  }

}
