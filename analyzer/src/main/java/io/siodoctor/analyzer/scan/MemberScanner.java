package io.siodoctor.analyzer.scan;

import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.parsers.Await;
import io.siodoctor.parsers.FastPaths;
import io.siodoctor.parsers.InputReader;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.archive.ArchiveMember;
import io.siodoctor.parsers.archive.ArchiveWalker;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.engine.CauseFinding;
import io.siodoctor.rules.engine.EventTally;
import io.siodoctor.rules.engine.RuleEngine;
import io.siodoctor.rules.incident.IncidentBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-chunk collector of the batch scan: analyses one member (or, {@link #together}, the members
 * of a small incident) the way {@code analyze} would, streaming: records go into an incident until
 * the chunk is full, the chunk is analysed and dropped, and only the per-cause tallies stay, with
 * every finding kept (which causes stand is decided per incident by {@link IncidentMerge}). Every
 * record also passes the incident's sticky-session correlator (each chunk its own unit) and, when
 * indexing, the chunk listener.
 *
 * <p>Public for runners that walk files elsewhere (a cluster task per file, with
 * {@link ArchiveWalker}): {@link #scanOrReport} on each member gives the {@link FileResult} that
 * {@link IncidentMerge#reduce} takes. Thread-safe when the correlator and listener are: one scanner
 * may serve many threads, each scanning its own member.
 */
public final class MemberScanner {
  private final Analyzer analyzer;
  private final ScanOptions options;
  private final StickyCorrelator correlator;
  private final ChunkListener listener;
  /** What the rules read: the chunks keep no more (the unrecognised lines only when some rule reads them). */
  private final ReadSet plan;
  /**
   * Reads the ranges of big plain logs ({@link InputReader.Split}) and analyses chunks while the next
   * is read; made when first needed.
   */
  private ExecutorService rangePool;
  /** Members being read right now, by every thread of the scan. */
  private final AtomicInteger reading = new AtomicInteger();

  /**
   * @param correlator the correlator of the members scanned without one of their own (one incident)
   * @param listener sees every analysed chunk with its causes, or null
   */
  public MemberScanner(Analyzer analyzer, ScanOptions options, StickyCorrelator correlator,
      ChunkListener listener) {
    this.analyzer = analyzer;
    this.options = options;
    this.correlator = correlator;
    this.listener = listener;
    this.plan = analyzer.engine().plan();
  }

  /** {@link #scanOrReport(ArchiveMember, StickyCorrelator)} with the scanner's own correlator. */
  public FileResult scanOrReport(ArchiveMember member) {
    return scanOrReport(member, correlator);
  }

  /**
   * {@link #scan}, but a bug in a parser or rule becomes the member's error (its own failure when it
   * was cut short, else {@code internal error: ...}) instead of ending the walk: what the batch scan
   * reports for a member.
   */
  public FileResult scanOrReport(ArchiveMember member, StickyCorrelator incidentCorrelator) {
    try {
      return scan(member, incidentCorrelator);
    } catch (RuntimeException e) {
      return new FileResult(member.name(), null, member.bytesRead(), 0, Map.of(),
          member.failure().orElse(ArchiveWalker.internalError(e)));
    }
  }

  /** Scans one member with the scanner's own correlator; a bug in a parser or rule throws. */
  public FileResult scan(ArchiveMember member) {
    return scan(member, correlator);
  }

  /**
   * Scans one member; its handshake and unknown-sid lines go to the correlator of its incident, each
   * chunk as its own unit. The result's causes are every finding of every chunk, none dropped yet:
   * subsumption is the incident's ({@link IncidentMerge}). A bug in a parser or rule throws.
   */
  public FileResult scan(ArchiveMember member, StickyCorrelator incidentCorrelator) {
    Together together = together(incidentCorrelator);
    together.read(member);
    return together.finish().get(0);
  }

  /**
   * Members read one after another into the same chunks, as {@code analyze} reads all its files into
   * one incident: a small incident's files analysed together (the rules see every file, as they do
   * in {@code analyze}), in chunks when they hold more than {@link ScanOptions#chunkRecords}.
   */
  public Together together(StickyCorrelator incidentCorrelator) {
    return new Together(new ChunkSink(incidentCorrelator));
  }

  /** See {@link #together}. Not thread-safe: one thread reads its members in turn. */
  public final class Together {
    private final ChunkSink sink;
    private final List<FileResult> done = new ArrayList<>();

    private Together(ChunkSink sink) {
      this.sink = sink;
    }

    /**
     * Reads one member into the chunks; a bug in a parser or rule becomes the member's error (its
     * own failure when it was cut short, else {@code internal error: ...}).
     */
    public void read(ArchiveMember member) {
      sink.startFile(member.name());
      InputSummary summary;
      try {
        // parsers may keep state: one reader per member
        reading.incrementAndGet();
        try {
          InputReader.Split split = split(member);
          summary = split == null ? new InputReader().read(member.open(), member.name(), sink)
              : new InputReader().readPlain(member.open(), member.name(), sink, split);
          if (split != null && split.used()) {
            skipRest(member);
          }
        } finally {
          reading.decrementAndGet();
        }
      } catch (RuntimeException e) {
        if (sink.listenerFailure != null) {
          throw e;
        }
        summary = new InputSummary(member.name(), null, 0, List.of(),
            member.failure().orElse(ArchiveWalker.internalError(e)));
        done.add(new FileResult(member.name(), null, member.bytesRead(), 0, Map.of(), summary.error()));
        sink.endFile(null);
        return;
      }
      sink.endFile(summary);
      String error = member.failure()
          .or(() -> Optional.ofNullable(sink.listenerFailure).map(e -> "index: " + e.getMessage()))
          .orElse(summary.error() == null ? null : withoutName(oneLine(summary.error()), member.name()));
      // neither a HAR nor a log (a README, a script next to the logs): skipped, not unreadable
      boolean skipped = member.failure().isEmpty() && InputReader.unrecognised(summary);
      done.add(new FileResult(member.name(), summary.format(), member.bytesRead(), summary.records(), Map.of(), error,
          skipped));
    }

    /** Analyses the last chunk; the members' results, in reading order, with their causes. */
    public List<FileResult> finish() {
      sink.finish();
      List<FileResult> out = new ArrayList<>(done.size());
      for (FileResult r : done) {
        Map<String, CauseTally> causes = sink.causes.getOrDefault(r.file(), new LinkedHashMap<>());
        String error = r.error() == null && sink.listenerFailure != null ? "index: " + sink.listenerFailure.getMessage()
            : r.error();
        out.add(new FileResult(r.file(), r.format(), r.bytes(), r.records(), causes, error, r.skipped()));
      }
      return out;
    }
  }

  /** How a member that is a local plain file may be read on several cores, or null. */
  private InputReader.Split split(ArchiveMember member) {
    // the split is for cores that would idle: while other files are read too, they have work (on the
    // 1 GB multi-file night, splitting beside them cost 25 % more time and 170 MB more memory)
    if (member.local().isEmpty() || reading.get() > 1 && !FastPaths.forced()) {
      return null;
    }
    Path path = member.local().get();
    try {
      return new InputReader.Split(path, Files.size(path), rangePool(), options.threads());
    } catch (IOException e) {
      // read as a stream, which reports the problem
      return null;
    }
  }

  /** The member's stream counts the bytes read: its file was read in ranges, the rest counts too. */
  private static void skipRest(ArchiveMember member) {
    try {
      member.skipRest();
    } catch (IOException e) {
      // everything was read already; the count stops where the stream did
    }
  }

  private synchronized ExecutorService rangePool() {
    if (rangePool == null) {
      int n = Math.max(1, options.threads());
      // idle threads end: a scanner lives as long as its scan, the pool must not outlive it
      ThreadPoolExecutor pool = new ThreadPoolExecutor(n, n, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "scan-range");
        t.setDaemon(true);
        return t;
      });
      pool.allowCoreThreadTimeOut(true);
      rangePool = pool;
    }
    return rangePool;
  }

  /** The summary's errors start with the file name; the scan shows it in its own field. */
  private static String withoutName(String error, String name) {
    return error.startsWith(name + ": ") ? error.substring(name.length() + 2) : error;
  }

  private static String oneLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /**
   * Collects one chunk of records, from one file or several, and has it analysed when full: on the
   * scanner's pool when there is one (while the next chunk is read), its tallies joined to the
   * member's in chunk order ({@link IncidentMerge#combine}), so the result is the one-thread read's.
   * What depends on the order of the records stays on the reading thread: the window, the
   * correlator's units and observations, and where each chunk ends.
   */
  private final class ChunkSink implements RecordSink {
    final StickyCorrelator correlator;
    /** Per file, per cause: every finding of every chunk, attributed to the files of its evidence. */
    final Map<String, Map<String, CauseTally>> causes = new LinkedHashMap<>();
    /** Chunks being analysed on the pool, oldest first: joined to {@link #causes} in this order. */
    final Deque<Future<Analysed>> analysing = new ArrayDeque<>();
    /** Analyse on the pool: with more than one thread, and no listener (the index takes its chunks in order). */
    final boolean mayUsePool = listener == null && options.threads() > 1;
    Chunk chunk = new Chunk(!usePool());
    String file;
    int unit = -1;
    long inChunk;
    boolean har;
    boolean analysedAny;
    /** Records of the chunk under way, from every file in it. */
    long chunkSize;
    IOException listenerFailure;

    ChunkSink(StickyCorrelator correlator) {
      this.correlator = correlator;
    }

    void startFile(String name) {
      file = name;
      har = false;
      inChunk = 0;
      if (unit < 0) {
        unit = correlator.unit(name);
      }
    }

    /** The file's own summary joins the chunk's incident, as {@code analyze} adds each input. */
    void endFile(InputSummary summary) {
      if (summary != null) {
        chunk.inputs.add(summary);
      }
      har = false;
    }

    @Override
    public void accept(Record record) {
      if (!options.window().contains(record.time())) {
        return;
      }
      correlator.observe(record, unit);
      har |= record instanceof HttpExchange || record instanceof WsFrame;
      chunk.add(record, har);
      if (IncidentBuilder.counts(plan, record)) {
        chunk.size++;
      }
      inChunk++;
      chunkSize++;
      // a HAR is analysed whole: its WebSocket frames must stay with their entry. The size counts
      // the records the rules read, not the unrecognised lines the incident leaves out.
      if (chunk.size >= options.chunkRecords() && !har) {
        chunk.inputs.add(new InputSummary(file, "log", inChunk, List.of(), null));
        flush();
        inChunk = 0;
      }
    }

    @Override
    public void warn(String message) {
      // warnings travel in the InputSummary the reader returns
    }

    // the index wants every line; the rules what their plan reads, and the times of the rest
    @Override
    public ReadSet plan() {
      return listener != null ? ReadSet.EVERYTHING : plan;
    }

    @Override
    public void unrecognised(String lineFile, Instant time) {
      if (time != null && options.window().contains(time)) {
        chunk.leaveOut(lineFile, time);
      }
    }

    /** Has the chunk analysed and starts the next one (a new unit of the correlation). */
    void flush() {
      Chunk full = chunk;
      analysedAny = true;
      boolean pool = usePool();
      chunk = new Chunk(!pool);
      chunkSize = 0;
      unit = correlator.unit(file);
      if (!pool) {
        // the chunks on the pool come first: their tallies join in reading order
        while (!analysing.isEmpty()) {
          joinOldest();
        }
        // on this thread: the findings are tallied straight into the member's tallies
        Analysed a = full.analyse(causes);
        if (listener != null) {
          try {
            // the index tags each record with the causes its own chunk's report gives
            listener.chunk(full.records, a.ranked());
          } catch (IOException e) {
            // stops the parser; the member is reported with this error
            listenerFailure = e;
            throw new UncheckedIOException(e);
          }
        }
        return;
      }
      // a few chunks ahead at most: their records wait in memory
      while (analysing.size() > options.threads()) {
        joinOldest();
      }
      analysing.add(rangePool().submit(() -> full.analyse(new LinkedHashMap<>())));
    }

    /**
     * Whether a chunk is analysed on the pool. The pool is for cores that would idle: while a file
     * per thread is read they have work, and handing the chunks over would only add some (the
     * records read again, later, from another core's cache).
     */
    private boolean usePool() {
      return mayUsePool && (reading.get() < options.threads() || FastPaths.forced());
    }

    /** Analyses the last chunk when it holds anything (or when nothing was), and waits for every chunk. */
    void finish() {
      // an empty last chunk adds nothing (but a file with no record at all is analysed, as analyze does)
      if (listenerFailure == null && (chunkSize > 0 || !analysedAny)) {
        flush();
      }
      while (!analysing.isEmpty()) {
        joinOldest();
      }
    }

    private void joinOldest() {
      try {
        IncidentMerge.combine(causes, Await.result(analysing.poll()).causes());
      } catch (IOException e) {
        // only an interruption: the analysis reads no file
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * One chunk's records, with what its incident needs besides them; analysed alone, on any thread.
   * Its records wait in a list for the builder, except a HAR's (a HAR is analysed whole) and those of
   * a chunk that grows far beyond {@link ScanOptions#chunkRecords}: its builder takes them as they
   * come, so that its retention bounds the memory as it does in {@code analyze}.
   */
  private final class Chunk {
    /** The records not yet offered to the builder; with a listener, every record of the chunk. */
    final List<Record> records = new ArrayList<>();
    /** Made when a record is first offered to it. */
    IncidentBuilder builder;
    /** How many of {@link #records} were offered to the builder already (with a listener, which keeps them). */
    int offered;
    /** Offer each record as it comes: the chunk is likely analysed on its reading thread (still in cache). */
    final boolean offerAtOnce;

    final List<InputSummary> inputs = new ArrayList<>();
    /** Per file, the latest time of the lines the parser did not make records of (most of a debug log). */
    final Map<String, Instant[]> leftOut = new HashMap<>(4);
    /** The last file such a line came from, and its latest time: looked up only when the file changes. */
    String leftOutFile;
    Instant[] leftOutLatest;
    /** Records that count in the incident's size ({@link IncidentBuilder#counts}). */
    long size;

    Chunk(boolean offerAtOnce) {
      this.offerAtOnce = offerAtOnce;
    }

    /** @param now offer it to the builder at once (a HAR's records: its chunk ends with it) */
    void add(Record record, boolean now) {
      records.add(record);
      if (now || offerAtOnce || records.size() - offered > 4L * options.chunkRecords()) {
        offerWaiting();
      }
    }

    /** Offers the waiting records to the builder, in reading order. */
    private void offerWaiting() {
      if (builder == null) {
        builder = new IncidentBuilder(plan);
      }
      for (int i = offered; i < records.size(); i++) {
        builder.add(records.get(i));
      }
      if (listener == null) {
        records.clear();
        offered = 0;
      } else {
        offered = records.size();
      }
    }

    void leaveOut(String lineFile, Instant time) {
      if (!lineFile.equals(leftOutFile)) {
        leftOutFile = lineFile;
        leftOutLatest = leftOut.computeIfAbsent(lineFile, f -> new Instant[1]);
      }
      if (leftOutLatest[0] == null || time.isAfter(leftOutLatest[0])) {
        leftOutLatest[0] = time;
      }
    }

    /** Builds the chunk's incident and runs the rules on it; every finding is counted in {@code tallies}. */
    Analysed analyse(Map<String, Map<String, CauseTally>> tallies) {
      offerWaiting();
      leftOut.forEach((f, latest) -> builder.leaveOut(f, latest[0]));
      inputs.forEach(builder::addInput);
      Incident incident = builder.build();
      RuleEngine.Result result = analyzer.engine().run(incident);
      // every finding counts; which ones another cause explains is decided over the whole incident
      for (CauseFinding f : result.findings()) {
        add(tallies, f.cause().id(), f.finding(), result.tally(f));
      }
      return new Analysed(tallies, listener == null ? null : Analyzer.rank(incident, result));
    }

    /** A finding counts in the files its evidence is in; the uncited events in the first one's. */
    private void add(Map<String, Map<String, CauseTally>> tallies, String id, Finding fi, EventTally tally) {
      boolean first = true;
      for (Evidence e : fi.evidence()) {
        CauseTally t = tallies.computeIfAbsent(e.location().file(), k -> new LinkedHashMap<>())
            .computeIfAbsent(id, k -> new CauseTally(k, options.maxExamples()));
        if (first) {
          // the report cites at most Finding.MAX_EVIDENCE places; the rest still happened
          t.addUncitedEvents(tally.count() - fi.evidence().size(), tally.uncitedTimes());
          first = false;
        }
        t.addConfidence(fi.confidence());
        t.addSessions(fi.sessionIds());
        t.addEvidence(e);
      }
    }
  }

  /** What one chunk gave: its tallies per file and cause, and its ranked causes when a listener wants them. */
  private record Analysed(Map<String, Map<String, CauseTally>> causes, List<RankedCause> ranked) {}
}
