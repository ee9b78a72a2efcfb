package io.siodoctor.analyzer.scan;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.SourceLocation;
import io.siodoctor.rules.api.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sticky sessions across the analysis units of one incident. A batch scan analyses each file alone,
 * and a big file in chunks, so a sid issued by node-a (in node-a.log) and rejected as unknown by
 * node-b (in node-b.log, or 10,000 lines later in the same file) is invisible to the rules of any one
 * unit. This keeps a compact sid→issuing node map of every handshake and a compact log of the
 * unknown-sid lines, and at the end counts each rejection by another node than the issuer, in
 * another unit, as a {@code sticky-session-missing} event. Pairs within one unit are left to the
 * rule, so nothing is counted twice.
 *
 * <p>Memory: about 32 bytes per handshake and 40 per rejection; the full text is kept only for the
 * earliest rejections, which become the examples.
 *
 * <p>Public for runners that scan files elsewhere (a cluster): they keep one correlator per incident,
 * give each unit (a file, or a chunk of one) a number with {@link #unit}, pass it the unit's
 * in-window handshake and unknown-sid lines with {@link #observe}, and call {@link #tally} once at
 * the end. Only {@link LogLine}s with a sid and one of those two events are looked at; every other
 * record is ignored. Thread-safe.
 */
public final class StickyCorrelator {
  /** The id of the cause the correlator adds. */
  public static final String CAUSE = "sticky-session-missing";
  /** Rejections kept whole, earliest first: enough to find the examples among them. */
  private static final int KEPT_WHOLE = 500;

  private final SidNodeMap issued = new SidNodeMap();
  private final RejectionLog rejections = new RejectionLog();
  private final ConcurrentHashMap<String, Integer> fileNumbers = new ConcurrentHashMap<>();
  private final List<String> fileNames = new ArrayList<>();
  private final AtomicInteger nextFile = new AtomicInteger();

  /** An empty correlator, for one night. */
  public StickyCorrelator() {}

  /**
   * A new analysis unit (a file, or one chunk of it) named {@code file} in the events it gives: a
   * rejection is counted only against a handshake of another unit.
   */
  public int unit(String file) {
    synchronized (fileNames) {
      fileNames.add(file);
      return fileNames.size() - 1;
    }
  }

  /** One unit per file name: the same name always gets the same number (a file analysed whole). */
  public int fileNumber(String file) {
    return fileNumbers.computeIfAbsent(file, this::unit);
  }

  /**
   * One in-window record of the unit numbered {@code file}: a handshake records who issued its
   * sid, an unknown-sid rejection is kept for {@link #addTo}; anything else is ignored.
   */
  public void observe(Record record, int file) {
    if (!(record instanceof LogLine line) || line.sessionId() == null || line.sessionId().isEmpty()) {
      return;
    }
    if (line.is(LogEvent.HANDSHAKE)) {
      issued.put(line.sessionId(), LogNodes.of(line), file);
    } else if (line.is(LogEvent.UNKNOWN_SID)) {
      rejections.add(line, issued.nodeNumber(LogNodes.of(line)), file);
    }
  }

  /**
   * The cross-unit stories as a tally of the {@value #CAUSE} cause, or null when there is none; call
   * once, after every unit is done. With {@code places} not null, the evidence of every story is
   * added to it (else only the examples are made: a night has hundreds of thousands).
   */
  public CauseTally tally(int maxExamples, List<Evidence> places) {
    CauseTally tally = null;
    for (int i = 0; i < rejections.size; i++) {
      SidNodeMap.Issued by = issued.get(rejections.sids[i]);
      String rejectedBy = issued.nodeName(rejections.nodes[i]);
      if (by == null || by.file() == rejections.files[i] || by.node() == null || by.node().equals(rejectedBy)) {
        continue;
      }
      if (tally == null) {
        tally = new CauseTally(CAUSE, maxExamples);
        // both nodes' lines of one sid: the confidence the rule gives the same story within one unit
        tally.addConfidence(0.97);
      }
      tally.addSessionHash(rejections.sids[i]);
      Instant time = rejections.time(i);
      tally.addEvent(rejections.fileNames[i], time);
      boolean example = tally.mayKeepExampleAt(time);
      if (example || places != null) {
        Evidence e = rejections.evidence(i);
        e = new Evidence(e.location(), e.time(), e.excerpt(), "rejected by " + rejectedBy + "; sid issued by "
            + by.node() + " in " + fileName(by.file()));
        if (example) {
          tally.addExample(e);
        }
        if (places != null) {
          places.add(e);
        }
      }
    }
    return tally;
  }

  private String fileName(int number) {
    synchronized (fileNames) {
      return fileNames.get(number);
    }
  }

  /** The unknown-sid lines of the night, as columns of numbers; the earliest also whole. */
  private static final class RejectionLog {
    long[] sids = new long[1024];
    short[] nodes = new short[1024];
    int[] files = new int[1024];
    long[] times = new long[1024];
    long[] lines = new long[1024];
    /** The file of each line (a unit may span the files of a small incident); names are shared. */
    String[] fileNames = new String[1024];
    int size;
    final TreeSet<Kept> whole = new TreeSet<>();

    record Kept(long time, int index, Evidence evidence) implements Comparable<Kept> {
      @Override
      public int compareTo(Kept o) {
        int c = Long.compare(time, o.time);
        return c != 0 ? c : Integer.compare(index, o.index);
      }
    }

    synchronized void add(LogLine line, short node, int file) {
      if (size == sids.length) {
        int n = size * 2;
        sids = Arrays.copyOf(sids, n);
        nodes = Arrays.copyOf(nodes, n);
        files = Arrays.copyOf(files, n);
        times = Arrays.copyOf(times, n);
        lines = Arrays.copyOf(lines, n);
        fileNames = Arrays.copyOf(fileNames, n);
      }
      long time = line.time() == null ? Long.MAX_VALUE : line.time().toEpochMilli();
      sids[size] = SidNodeMap.hash(line.sessionId());
      nodes[size] = node;
      files[size] = file;
      times[size] = time;
      lines[size] = line.lineNumber();
      fileNames[size] = line.location().file();
      // the evidence (an excerpt copy) is made only for a line that is kept whole
      if (whole.size() < KEPT_WHOLE) {
        whole.add(new Kept(time, size, Evidence.of(line)));
      } else if (time < whole.last().time()) {
        whole.pollLast();
        whole.add(new Kept(time, size, Evidence.of(line)));
      }
      size++;
    }

    Instant time(int i) {
      return times[i] == Long.MAX_VALUE ? null : Instant.ofEpochMilli(times[i]);
    }

    /** The whole evidence when kept, else one rebuilt from the numbers (place and time, no text). */
    Evidence evidence(int i) {
      Kept probe = new Kept(times[i], i, null);
      Kept k = whole.ceiling(probe);
      if (k != null && k.index() == i) {
        return k.evidence();
      }
      return new Evidence(SourceLocation.line(this.fileNames[i], lines[i]),
          times[i] == Long.MAX_VALUE ? null : Instant.ofEpochMilli(times[i]), "", null);
    }
  }
}
