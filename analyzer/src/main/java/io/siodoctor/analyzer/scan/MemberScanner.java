package io.siodoctor.analyzer.scan;

import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.rank.Ranker;
import io.siodoctor.parsers.InputReader;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.engine.RuleEngine;
import io.siodoctor.rules.incident.IncidentBuilder;
import java.util.HashSet;
import java.util.Set;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Analyses one member the way {@code analyze} would analyse that file alone, streaming: records go
 * into an incident until the chunk is full, the chunk is analysed and dropped, and only the per-cause
 * tallies stay. Every record also passes the sticky-session correlator and, when indexing, the
 * chunk listener.
 *
 * <p>Public for runners that walk files elsewhere (a cluster task per file, with
 * {@link ArchiveWalker}): {@link #scanOrReport} on each member gives the {@link FileResult} the batch
 * scan would add to its {@link ScanSummary}. Thread-safe when the correlator and listener are: one
 * scanner may serve many threads, each scanning its own member.
 */
public final class MemberScanner {
  private final Analyzer analyzer;
  private final ScanOptions options;
  private final StickyCorrelator correlator;
  private final ChunkListener listener;
  private final boolean keepUnrecognisedLines;

  /**
   * @param correlator sees every in-window record of every member scanned (the night's sticky-session
   *     correlation)
   * @param listener sees every analysed chunk with its causes, or null
   */
  public MemberScanner(Analyzer analyzer, ScanOptions options, StickyCorrelator correlator,
      ChunkListener listener) {
    this.analyzer = analyzer;
    this.options = options;
    this.correlator = correlator;
    this.listener = listener;
    this.keepUnrecognisedLines = analyzer.engine().readsUnrecognisedLines();
  }

  /**
   * {@link #scan}, but a bug in a parser or rule becomes the member's error (its own failure when it
   * was cut short, else {@code internal error: ...}) instead of ending the walk: what the batch scan
   * reports for a member.
   */
  public FileResult scanOrReport(ArchiveMember member) {
    try {
      return scan(member);
    } catch (RuntimeException e) {
      return new FileResult(member.name(), null, member.bytesRead(), 0, Map.of(),
          member.failure().orElse(ArchiveWalker.internalError(e)));
    }
  }

  /** Scans one member; a bug in a parser or rule throws. */
  public FileResult scan(ArchiveMember member) {
    ChunkSink sink = new ChunkSink(member.name());
    // parsers may keep state: one reader per member
    InputSummary summary = new InputReader().read(member.open(), member.name(), sink);
    if (sink.listenerFailure == null) {
      sink.flush(summary);
    }
    String error = member.failure()
        .or(() -> java.util.Optional.ofNullable(sink.listenerFailure).map(e -> "index: " + e.getMessage()))
        .orElse(summary.error() == null ? null : withoutName(oneLine(summary.error()), member.name()));
    return new FileResult(member.name(), summary.format(), member.bytesRead(), summary.records(), sink.causes, error);
  }

  /**
   * The causes {@code analyze} would report for this incident: the same rules and ranking, without
   * the session summaries and the rest of the report that a batch does not print.
   */
  private List<RankedCause> causes(Incident incident) {
    RuleEngine.Result result = analyzer.engine().run(incident);
    Set<String> logFiles = new HashSet<>();
    for (InputSummary in : incident.inputs()) {
      if (in.format() != null && !in.format().equals("har")) {
        logFiles.add(in.file());
      }
    }
    return Ranker.rank(result.findings(), logFiles);
  }

  /** The summary's errors start with the file name; the scan shows it in its own field. */
  private static String withoutName(String error, String name) {
    return error.startsWith(name + ": ") ? error.substring(name.length() + 2) : error;
  }

  private static String oneLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** Collects one chunk of records; analyses it when full. */
  private final class ChunkSink implements RecordSink {
    final String file;
    final int fileNumber;
    final Map<String, CauseTally> causes = new LinkedHashMap<>();
    IncidentBuilder builder = new IncidentBuilder(keepUnrecognisedLines);
    RecordSink target = builder.sink();
    List<Record> chunk = new ArrayList<>();
    long inChunk;
    long total;
    boolean har;
    IOException listenerFailure;

    ChunkSink(String file) {
      this.file = file;
      this.fileNumber = correlator.fileNumber(file);
    }

    @Override
    public void accept(Record record) {
      if (!options.window().contains(record.time())) {
        return;
      }
      correlator.observe(record, fileNumber);
      har |= record instanceof HttpExchange || record instanceof WsFrame;
      target.accept(record);
      if (listener != null) {
        chunk.add(record);
      }
      total++;
      inChunk++;
      // a HAR is analysed whole: its WebSocket frames must stay with their entry. The size counts
      // the records the rules read, not the unrecognised lines the incident leaves out.
      if (builder.size() >= options.chunkRecords() && !har) {
        flush(new InputSummary(file, "log", inChunk, List.of(), null));
      }
    }

    @Override
    public void warn(String message) {
      target.warn(message);
    }

    // the index wants every line; the built-in rules only the times of lines they never read
    @Override
    public boolean readsUnrecognisedLines() {
      return keepUnrecognisedLines || listener != null;
    }

    @Override
    public void unrecognised(String lineFile, java.time.Instant time) {
      if (options.window().contains(time)) {
        builder.leaveOut(lineFile, time);
      }
    }

    void flush(InputSummary summary) {
      if (inChunk == 0 && !causes.isEmpty()) {
        return;
      }
      builder.addInput(summary);
      List<RankedCause> ranked = causes(builder.build());
      for (RankedCause c : ranked) {
        CauseTally t = causes.computeIfAbsent(c.id(), id -> new CauseTally(id, options.maxExamples()));
        t.addSessions(c.sessions());
        for (Evidence e : c.evidence()) {
          t.addEvidence(e);
        }
        // the report cites at most Finding.MAX_EVIDENCE places; the rest still happened
        t.addUncitedEvents(c.events() - c.evidence().size(), c.uncitedTimes());
      }
      if (listener != null) {
        try {
          listener.chunk(chunk, ranked);
        } catch (IOException e) {
          // stops the parser; the member is reported with this error
          listenerFailure = e;
          throw new UncheckedIOException(e);
        }
      }
      builder = new IncidentBuilder(keepUnrecognisedLines);
      target = builder.sink();
      chunk = new ArrayList<>();
      inChunk = 0;
    }
  }
}
