package io.siodoctor.spark;

import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.scan.ArchiveMember;
import io.siodoctor.analyzer.scan.ArchiveWalker;
import io.siodoctor.analyzer.scan.ChunkListener;
import io.siodoctor.analyzer.scan.FileResult;
import io.siodoctor.analyzer.scan.MemberScanner;
import io.siodoctor.analyzer.scan.ScanOptions;
import io.siodoctor.analyzer.scan.ScanSummary;
import io.siodoctor.analyzer.scan.StickyCorrelator;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFormat;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.SourceLocation;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The batch scan ({@code BatchScanner}) cut in two halves for a cluster, with the scan package's
 * public API: {@link #scanFile} is what the batch scan does with one top-level file (walk it with
 * {@link ArchiveWalker}, {@link MemberScanner} per member), run where the file is; {@link #reduce} is
 * what it does with all of them (merge the {@link FileResult}s into a {@link ScanSummary}, correlate
 * sticky sessions across files with one {@link StickyCorrelator}), run once. The halves exchange
 * {@link FilePart}s, which are {@link Serializable}.
 */
final class DistributedScan {
  private DistributedScan() {}

  /**
   * What one top-level file gave: its members' results in walk order, the parts that could not be
   * read, and the lines the night's sticky-session correlation needs.
   */
  static final class FilePart implements Serializable {
    private static final long serialVersionUID = 2L;
    private final String name;
    private final long size;
    private final ArrayList<MemberPart> members = new ArrayList<>();
    private final ArrayList<Unreadable> unreadable = new ArrayList<>();

    FilePart(String name, long size) {
      this.name = name;
      this.size = size;
    }

    String name() {
      return name;
    }

    long size() {
      return size;
    }
  }

  /** One member's result, plus its in-window handshake and unknown-sid lines, in read order. */
  private record MemberPart(FileResult result, ArrayList<SidLine> sidLines) implements Serializable {
    private static final long serialVersionUID = 2L;
  }

  /** A file, container or member that could not be read, and why. */
  private record Unreadable(String file, String error) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * A handshake or unknown-sid line ({@link LogLine} is not serializable), with every field
   * {@link StickyCorrelator} and the evidence it builds read (the access-log request is left out: the
   * correlator does not look at it).
   */
  private record SidLine(String file, String location, long lineNumber, Instant time, LogFormat format, String node,
      String level, String source, String sessionId, String message, LogEvent event, String eventDetail)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    static SidLine of(LogLine l) {
      return new SidLine(l.location().file(), l.location().location(), l.lineNumber(), l.time(), l.format(),
          l.node(), l.level(), l.source(), l.sessionId(), l.message(), l.event(), l.eventDetail());
    }

    /** The lines {@link StickyCorrelator#observe} looks at; it ignores every other record. */
    static boolean wanted(Record r) {
      return r instanceof LogLine l && l.sessionId() != null && !l.sessionId().isEmpty()
          && (l.is(LogEvent.HANDSHAKE) || l.is(LogEvent.UNKNOWN_SID));
    }

    LogLine toLogLine() {
      return new LogLine(new SourceLocation(file, location), lineNumber, time, format, node, level, source,
          sessionId, message, event, eventDetail, null);
    }
  }

  /**
   * Sees every in-window record of a member (the ones the correlator observes), chunk by chunk, and
   * keeps the sid lines.
   */
  private static final class SidLines implements ChunkListener {
    private ArrayList<SidLine> lines = new ArrayList<>();

    @Override
    public void chunk(List<Record> records, List<RankedCause> causes) {
      for (Record r : records) {
        if (SidLine.wanted(r)) {
          lines.add(SidLine.of((LogLine) r));
        }
      }
    }

    ArrayList<SidLine> take() {
      ArrayList<SidLine> l = lines;
      lines = new ArrayList<>();
      return l;
    }
  }

  /**
   * Scans one top-level file as the batch scan does: every member through
   * {@link MemberScanner#scanOrReport}, the same errors for the same failures. The archive limits'
   * total-expansion budget applies per file here (it is per walk in {@code scan}).
   *
   * @param opener opens the file; a missing one throws {@link java.nio.file.NoSuchFileException}
   */
  static FilePart scanFile(Analyzer analyzer, ScanOptions options, String name, long size,
      ArchiveWalker.Opener opener) {
    FilePart part = new FilePart(name, size);
    ArchiveWalker walker = new ArchiveWalker(options.limits());
    SidLines sidLines = new SidLines();
    // this task's correlator sees one file only and is dropped: reduce() correlates the whole night
    // from the sid lines
    MemberScanner members = new MemberScanner(analyzer, options, new StickyCorrelator(), sidLines);
    ArchiveWalker.Visitor visitor = new ArchiveWalker.Visitor() {
      @Override
      public void member(ArchiveMember member) {
        sidLines.take();
        FileResult r = members.scanOrReport(member);
        part.members.add(new MemberPart(r, sidLines.take()));
      }

      @Override
      public void unreadable(String file, String error) {
        part.unreadable.add(new Unreadable(file, error));
      }
    };
    try {
      walker.walk(name, opener, visitor);
    } catch (RuntimeException e) {
      part.unreadable.add(new Unreadable(name, ArchiveWalker.internalError(e)));
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
  static ScanSummary reduce(Iterator<FilePart> parts, int maxExamples, long startNanos) {
    ScanSummary summary = new ScanSummary(maxExamples);
    StickyCorrelator correlator = new StickyCorrelator();
    while (parts.hasNext()) {
      FilePart p = parts.next();
      for (MemberPart m : p.members) {
        int number = correlator.fileNumber(m.result().file());
        for (SidLine s : m.sidLines()) {
          correlator.observe(s.toLogLine(), number);
        }
        summary.add(m.result());
      }
      for (Unreadable u : p.unreadable) {
        summary.addUnreadable(u.file(), u.error());
      }
      summary.addBytes(p.size);
    }
    correlator.addTo(summary, false);
    summary.seconds((System.nanoTime() - startNanos) / 1e9);
    return summary;
  }
}
