package io.siodoctor.spark;

import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.parsers.archive.ArchiveMember;
import io.siodoctor.parsers.archive.ArchiveWalker;
import io.siodoctor.analyzer.scan.ChunkListener;
import io.siodoctor.analyzer.scan.CauseTally;
import io.siodoctor.analyzer.scan.FileResult;
import io.siodoctor.analyzer.scan.IncidentMerge;
import io.siodoctor.analyzer.scan.MemberScanner;
import io.siodoctor.analyzer.scan.ScanOptions;
import io.siodoctor.analyzer.scan.ScanSummary;
import io.siodoctor.analyzer.scan.StickyCorrelator;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.SourceLocation;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.siodoctor.rules.engine.CauseCatalog;

/**
 * The batch scan ({@code BatchScanner}) cut in two halves for a cluster, with the scan package's
 * public API: {@link #scanFiles} is what the batch scan does with one task's files (walk them with
 * {@link ArchiveWalker}, {@link MemberScanner} per member), run where the file is; {@link #reduce} is
 * what it does with all of them: per incident, correlate sticky sessions across its files and
 * chunks with one {@link StickyCorrelator} and merge its {@link FileResult}s through the combine
 * step {@code scan} and {@code analyze} agree with ({@link IncidentMerge}), into one
 * {@link ScanSummary}; run once. The halves exchange {@link FilePart}s, which are {@link Serializable}.
 */
final class DistributedScan {
  private DistributedScan() {}

  /**
   * What one task gave (one top-level file, or the files of a small incident): its members' results
   * by incident, in walk order, the parts that could not be read, and per analysed chunk (a unit of
   * the correlation) the lines the incident's sticky-session correlation needs.
   */
  static final class FilePart implements Serializable {
    private static final long serialVersionUID = 3L;
    private final String name;
    private final long size;
    private final ArrayList<IncidentResult> results = new ArrayList<>();
    private final ArrayList<Unit> units = new ArrayList<>();
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

  /** One member's result, and the incident it belongs to. */
  private record IncidentResult(String incident, FileResult result) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** The in-window handshake and unknown-sid lines of one analysed chunk, in read order. */
  private record Unit(String incident, String name, ArrayList<SidLine> lines) implements Serializable {
    private static final long serialVersionUID = 1L;
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
      String level, String source, String sessionId, String message, LogEvent event, LogFact fact)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    static SidLine of(LogLine l) {
      return new SidLine(l.location().file(), l.location().location(), l.lineNumber(), l.time(), l.format(),
          l.node(), l.level(), l.source(), l.sessionId(), l.message(), l.event(), l.fact());
    }

    /** The lines {@link StickyCorrelator#observe} looks at; it ignores every other record. */
    static boolean wanted(Record r) {
      return r instanceof LogLine l && l.sessionId() != null && !l.sessionId().isEmpty()
          && (l.is(LogEvent.HANDSHAKE) || l.is(LogEvent.UNKNOWN_SID));
    }

    LogLine toLogLine() {
      return new LogLine(new SourceLocation(file, location), lineNumber, time, format, node, level, source,
          sessionId, message, event, fact, null);
    }
  }

  /**
   * Sees every analysed chunk and keeps its sid lines as a unit of the incident being read (set by
   * the walk before each read).
   */
  private static final class SidLines implements ChunkListener {
    private final ArrayList<Unit> units;
    private String incident;
    private String name;

    SidLines(ArrayList<Unit> units) {
      this.units = units;
    }

    void reading(String incident, String name) {
      this.incident = incident;
      this.name = name;
    }

    @Override
    public void chunk(List<Record> records, List<RankedCause> causes) {
      ArrayList<SidLine> lines = new ArrayList<>();
      for (Record r : records) {
        if (SidLine.wanted(r)) {
          lines.add(SidLine.of((LogLine) r));
        }
      }
      units.add(new Unit(incident, name, lines));
    }
  }

  /** A top-level file of a task: its name in reports, size, and how to open it. */
  record TaskFile(String name, long size, ArchiveWalker.Opener opener) {}

  /**
   * Scans one task's files as the batch scan does: a small incident's files read together, an
   * archive's members together per incident, the same errors for the same failures. The archive
   * limits' total-expansion budget applies per task here (it is per walk in {@code scan}).
   *
   * @param files one big file, or the files of one small incident ({@link IncidentMerge#tasks});
   *     a missing one's opener throws {@link java.nio.file.NoSuchFileException}
   */
  static FilePart scanFiles(Analyzer analyzer, ScanOptions options, List<TaskFile> files) {
    FilePart part = new FilePart(files.get(0).name(), files.stream().mapToLong(TaskFile::size).sum());
    ArchiveWalker walker = new ArchiveWalker(options.limits());
    SidLines sidLines = new SidLines(part.units);
    // this task's correlator is dropped: reduce() correlates each incident from the units' sid lines
    StickyCorrelator dropped = new StickyCorrelator();
    MemberScanner members = new MemberScanner(analyzer, options, dropped, sidLines);
    String own = IncidentMerge.incidentOf(files.get(0).name(), files.get(0).name());
    MemberScanner.Together together = files.size() > 1 ? members.together(dropped) : null;
    String[] last = new String[1];
    for (TaskFile f : files) {
      String[] open = new String[1];
      MemberScanner.Together[] inArchive = new MemberScanner.Together[1];
      ArchiveWalker.Visitor visitor = new ArchiveWalker.Visitor() {
        @Override
        public void member(ArchiveMember member) {
          if (!options.filter().accepts(member.name())) {
            return;
          }
          String incident = IncidentMerge.incidentOf(f.name(), member.name());
          if (incident.equals(own) && together != null) {
            last[0] = member.name();
            sidLines.reading(incident, member.name());
            together.read(member);
          } else if (incident.equals(own)) {
            sidLines.reading(incident, member.name());
            part.results.add(new IncidentResult(incident, members.scanOrReport(member, dropped)));
          } else {
            if (!incident.equals(open[0])) {
              finish(part, sidLines, open[0], inArchive[0]);
              open[0] = incident;
              inArchive[0] = members.together(dropped);
            }
            sidLines.reading(incident, member.name());
            inArchive[0].read(member);
          }
        }

        @Override
        public void unreadable(String file, String error) {
          part.unreadable.add(new Unreadable(file, error));
        }
      };
      try {
        walker.walk(f.name(), f.opener(), visitor);
      } catch (RuntimeException e) {
        part.unreadable.add(new Unreadable(f.name(), ArchiveWalker.internalError(e)));
      }
      finish(part, sidLines, open[0], inArchive[0]);
    }
    if (together != null) {
      sidLines.reading(own, last[0] == null ? files.get(0).name() : last[0]);
      finish(part, sidLines, own, together);
    }
    return part;
  }

  private static void finish(FilePart part, SidLines sidLines, String incident, MemberScanner.Together together) {
    if (together == null) {
      return;
    }
    try {
      sidLines.reading(incident, sidLines.name);
      together.finish().forEach(r -> part.results.add(new IncidentResult(incident, r)));
    } catch (RuntimeException e) {
      part.unreadable.add(new Unreadable(incident.isEmpty() ? "." : incident, ArchiveWalker.internalError(e)));
    }
  }

  /**
   * Merges the parts into the summary the batch scan would give for the same files: groups the
   * members by incident ({@link IncidentMerge#incidentOf}), correlates each incident's chunks, and
   * reduces each through {@link IncidentMerge}. Keeps the members' compact results and the
   * incidents' correlators until the end, as {@code scan} does until an incident's last file.
   *
   * @param startNanos {@link System#nanoTime()} at the start of the job, for {@code seconds}
   */
  static ScanSummary reduce(Iterator<FilePart> parts, int maxExamples, long startNanos, CauseCatalog catalog) {
    ScanSummary summary = new ScanSummary(maxExamples);
    Map<String, StickyCorrelator> correlators = new LinkedHashMap<>();
    Map<String, List<FileResult>> incidents = new LinkedHashMap<>();
    while (parts.hasNext()) {
      FilePart p = parts.next();
      for (Unit u : p.units) {
        StickyCorrelator correlator = correlators.computeIfAbsent(u.incident(), k -> new StickyCorrelator());
        int unit = correlator.unit(u.name());
        for (SidLine s : u.lines()) {
          correlator.observe(s.toLogLine(), unit);
        }
      }
      for (IncidentResult r : p.results) {
        incidents.computeIfAbsent(r.incident(), k -> new ArrayList<>()).add(r.result());
      }
      for (Unreadable u : p.unreadable) {
        summary.addUnreadable(u.file(), u.error());
      }
      summary.addBytes(p.size);
    }
    IncidentMerge merge = new IncidentMerge(catalog);
    incidents.forEach((incident, files) -> {
      StickyCorrelator correlator = correlators.get(incident);
      CauseTally sticky = correlator == null ? null : correlator.tally(maxExamples, null);
      IncidentMerge.Merged merged = merge.reduce(files, sticky == null ? List.of() : List.of(sticky));
      merged.files().forEach(summary::add);
      merged.crossUnit().forEach(summary::addCrossUnit);
    });
    summary.seconds((System.nanoTime() - startNanos) / 1e9);
    return summary;
  }
}
