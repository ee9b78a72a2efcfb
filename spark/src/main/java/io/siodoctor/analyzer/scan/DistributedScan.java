package io.siodoctor.analyzer.scan;

import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFormat;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.SourceLocation;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * {@link BatchScanner} cut in two halves for a cluster, running the scan package's own code:
 * {@link #scanFile} is what the batch scan does with one top-level file (walk it, {@link MemberScanner}
 * per member), run where the file is; {@link #reduce} is what it does with all of them (merge the
 * results into a {@link ScanSummary}, correlate sticky sessions across files with
 * {@link StickyCorrelator}), run once. The halves exchange {@link FilePart}s, which are
 * {@link Serializable}.
 *
 * <p>This class sits in the scan package, in the spark module (a split package on the class path),
 * because {@link MemberScanner}, {@link StickyCorrelator} and the state of {@link CauseTally} are not
 * public. It holds no analysis logic: once the scan package exposes these (or makes
 * {@link FileResult} and {@link CauseTally} serializable), it can move there unchanged or shrink.
 */
public final class DistributedScan {
  private DistributedScan() {}

  /**
   * What one top-level file gave: its members' results in walk order, the parts that could not be
   * read, and the lines the night's sticky-session correlation needs.
   */
  public static final class FilePart implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final long size;
    private final List<MemberPart> members = new ArrayList<>();
    private final List<String[]> unreadable = new ArrayList<>();

    FilePart(String name, long size) {
      this.name = name;
      this.size = size;
    }

    public String name() {
      return name;
    }

    public long size() {
      return size;
    }

    /** The members' results, as the batch scan's per-file listener sees them. */
    public List<FileResult> results(int maxExamples) {
      return members.stream().map(m -> m.toFileResult(maxExamples)).toList();
    }
  }

  /** One member's {@link FileResult}, plus its handshake and unknown-sid lines. */
  private static final class MemberPart implements Serializable {
    private static final long serialVersionUID = 1L;
    String file;
    String format;
    long bytes;
    long records;
    String error;
    final List<TallyState> causes = new ArrayList<>();
    final List<SidLine> sidLines = new ArrayList<>();

    static MemberPart of(FileResult r, List<SidLine> sidLines) {
      MemberPart m = new MemberPart();
      m.file = r.file();
      m.format = r.format();
      m.bytes = r.bytes();
      m.records = r.records();
      m.error = r.error();
      r.causes().values().forEach(t -> m.causes.add(TallyState.of(t)));
      m.sidLines.addAll(sidLines);
      return m;
    }

    FileResult toFileResult(int maxExamples) {
      Map<String, CauseTally> tallies = new LinkedHashMap<>();
      for (TallyState s : causes) {
        tallies.put(s.id, s.toTally(maxExamples));
      }
      return new FileResult(file, format, bytes, records, tallies, error);
    }
  }

  /**
   * The whole state of a {@link CauseTally}, copied field by field (its sid hashes are not public):
   * rebuilt on the other side, it merges exactly like the original.
   */
  private static final class TallyState implements Serializable {
    private static final long serialVersionUID = 1L;
    String id;
    long[] sessionHashes;
    long events;
    Instant first;
    Instant last;
    ArrayList<String> files;
    TreeMap<String, Long> hours;
    ArrayList<String[]> examples = new ArrayList<>();
    ArrayList<Instant> exampleTimes = new ArrayList<>();

    static TallyState of(CauseTally t) {
      TallyState s = new TallyState();
      s.id = t.id();
      SidHashSet sessions = (SidHashSet) get(CauseTally.class, t, "sessions");
      long[] keys = (long[]) get(SidHashSet.class, sessions, "keys");
      s.sessionHashes = java.util.Arrays.stream(keys).filter(k -> k != 0).toArray();
      s.events = t.events();
      s.first = t.first();
      s.last = t.last();
      s.files = new ArrayList<>(t.files());
      s.hours = new TreeMap<>(t.hours());
      for (Example e : t.examples()) {
        s.examples.add(new String[] {e.file(), e.location(), e.excerpt()});
        s.exampleTimes.add(e.time());
      }
      return s;
    }

    @SuppressWarnings("unchecked")
    CauseTally toTally(int maxExamples) {
      CauseTally t = new CauseTally(id, maxExamples);
      for (long h : sessionHashes) {
        t.addSessionHash(h);
      }
      set(CauseTally.class, t, "events", events);
      set(CauseTally.class, t, "first", first);
      set(CauseTally.class, t, "last", last);
      ((SortedSet<String>) get(CauseTally.class, t, "files")).addAll(files);
      ((Map<String, Long>) get(CauseTally.class, t, "hours")).putAll(hours);
      List<Example> ex = (List<Example>) get(CauseTally.class, t, "examples");
      for (int i = 0; i < examples.size(); i++) {
        String[] e = examples.get(i);
        // already redacted and ordered where it was built: copied as it is
        ex.add(new Example(e[0], e[1], exampleTimes.get(i), e[2]));
      }
      if (t.sessions() != sessionHashes.length || t.events() != events || t.examples().size() != examples.size()) {
        throw new IllegalStateException("CauseTally changed: update DistributedScan.TallyState");
      }
      return t;
    }

    private static Object get(Class<?> c, Object o, String name) {
      try {
        return field(c, name).get(o);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private static void set(Class<?> c, Object o, String name, Object value) {
      try {
        field(c, name).set(o, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private static Field field(Class<?> c, String name) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(c.getSimpleName() + "." + name
            + " is gone: update DistributedScan.TallyState to the new state of CauseTally", e);
      }
    }
  }

  /**
   * A handshake or unknown-sid line, with every field {@link StickyCorrelator} and the evidence it
   * builds read (the access-log request is left out: the correlator does not look at it).
   */
  private static final class SidLine implements Serializable {
    private static final long serialVersionUID = 1L;
    final String file;
    final String location;
    final long lineNumber;
    final Instant time;
    final LogFormat format;
    final String node;
    final String level;
    final String source;
    final String sessionId;
    final String message;
    final LogEvent event;
    final String eventDetail;

    SidLine(LogLine l) {
      file = l.location().file();
      location = l.location().location();
      lineNumber = l.lineNumber();
      time = l.time();
      format = l.format();
      node = l.node();
      level = l.level();
      source = l.source();
      sessionId = l.sessionId();
      message = l.message();
      event = l.event();
      eventDetail = l.eventDetail();
    }

    static boolean wanted(Record r) {
      return r instanceof LogLine l && l.sessionId() != null && !l.sessionId().isEmpty()
          && (l.is(LogEvent.HANDSHAKE) || l.is(LogEvent.UNKNOWN_SID));
    }

    LogLine toLogLine() {
      return new LogLine(new SourceLocation(file, location), lineNumber, time, format, node, level, source,
          sessionId, message, event, eventDetail, null);
    }
  }

  /** Sees every in-window record of a member (the same ones the correlator observes) and keeps the sid lines. */
  private static final class SidLines implements ChunkListener {
    final List<SidLine> lines = new ArrayList<>();

    @Override
    public void chunk(List<Record> records, List<RankedCause> causes) {
      for (Record r : records) {
        if (SidLine.wanted(r)) {
          lines.add(new SidLine((LogLine) r));
        }
      }
    }

    List<SidLine> take() {
      List<SidLine> l = new ArrayList<>(lines);
      lines.clear();
      return l;
    }
  }

  /**
   * Scans one top-level file as the batch scan does: every member through {@link MemberScanner}, the
   * same errors for the same failures. The archive limits' total-expansion budget applies per file
   * here (it is per walk in {@code scan}).
   */
  public static FilePart scanFile(Analyzer analyzer, ScanOptions options, ArchiveWalker.TopLevelFile file) {
    FilePart part = new FilePart(file.name(), file.size());
    ArchiveWalker walker = new ArchiveWalker(options.limits());
    SidLines sidLines = new SidLines();
    // the file's own correlator is dropped: reduce() correlates the whole night
    MemberScanner members = new MemberScanner(analyzer, options, new StickyCorrelator(), sidLines);
    ArchiveWalker.Visitor visitor = new ArchiveWalker.Visitor() {
      @Override
      public void member(ArchiveMember member) {
        FileResult r;
        sidLines.take();
        try {
          r = members.scan(member);
        } catch (RuntimeException e) {
          r = new FileResult(member.name(), null, member.bytesRead(), 0, Map.of(),
              member.failure().orElse("internal error: " + ArchiveWalker.oneLine(e)));
        }
        part.members.add(MemberPart.of(r, sidLines.take()));
      }

      @Override
      public void unreadable(String name, String error) {
        part.unreadable.add(new String[] {name, error});
      }
    };
    try {
      walker.walk(file, visitor);
    } catch (RuntimeException e) {
      part.unreadable.add(new String[] {file.name(), "internal error: " + ArchiveWalker.oneLine(e)});
    }
    return part;
  }

  /**
   * Merges the parts into the summary the batch scan would give for the same files, in the order
   * given, and correlates sticky sessions over all of them. Holds one part at a time plus the
   * summary and the night's compact correlator, as {@code scan} does.
   *
   * @param startNanos {@link System#nanoTime()} at the start of the job, for {@code seconds}
   */
  public static ScanSummary reduce(Iterator<FilePart> parts, int maxExamples, long startNanos) {
    ScanSummary summary = new ScanSummary(maxExamples);
    StickyCorrelator correlator = new StickyCorrelator();
    while (parts.hasNext()) {
      FilePart p = parts.next();
      for (MemberPart m : p.members) {
        int number = correlator.fileNumber(m.file);
        for (SidLine s : m.sidLines) {
          correlator.observe(s.toLogLine(), number);
        }
        summary.add(m.toFileResult(maxExamples));
      }
      for (String[] u : p.unreadable) {
        summary.addUnreadable(u[0], u[1]);
      }
      summary.addBytes(p.size);
    }
    correlator.addTo(summary);
    summary.seconds((System.nanoTime() - startNanos) / 1e9);
    return summary;
  }
}
