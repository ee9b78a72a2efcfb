package io.siodoctor.analyzer.scan;

import io.siodoctor.parsers.archive.ArchiveMember;
import io.siodoctor.parsers.archive.ArchiveWalker;
import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.rules.api.Evidence;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The batch scan: walks every path, analyses each member on a pool of threads, and merges the
 * members of each incident (the files of one directory, {@link IncidentMerge#incidentOf}) through
 * the combine step that {@code analyze} agrees with: sticky sessions correlated across its files and
 * chunks, subsumption over the whole incident. An incident is merged, added to the summary and
 * reported to the listener as soon as its last file is done. Memory is bounded by the threads × one
 * chunk of records, plus the compact per-incident maps (sids issued, sids per cause).
 */
public final class BatchScanner {
  private final Analyzer analyzer;
  private final ScanOptions options;
  private final ScanListener listener;
  private final ChunkListener chunkListener;

  public BatchScanner(Analyzer analyzer, ScanOptions options, ScanListener listener, ChunkListener chunkListener) {
    this.analyzer = analyzer;
    this.options = options;
    this.listener = listener;
    this.chunkListener = chunkListener;
  }

  public ScanSummary scan(List<Path> roots) throws IOException, InterruptedException {
    long start = System.nanoTime();
    ScanSummary summary = new ScanSummary(options.maxExamples());
    List<ArchiveWalker.TopLevelFile> files = new ArrayList<>(ArchiveWalker.files(roots));
    // largest first: a big file started last would leave the other cores idle at the end
    files.sort(Comparator.comparingLong(ArchiveWalker.TopLevelFile::size).reversed()
        .thenComparing(ArchiveWalker.TopLevelFile::name));
    long totalBytes = files.stream().mapToLong(ArchiveWalker.TopLevelFile::size).sum();
    ArchiveWalker walker = new ArchiveWalker(options.limits());
    MemberScanner members = new MemberScanner(analyzer, options, new StickyCorrelator(), chunkListener);
    Incidents incidents = new Incidents(summary, files);
    AtomicLong done = new AtomicLong();

    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "scan");
      t.setDaemon(true);
      return t;
    });
    // a bounded queue: a night of 100,000 files does not become 100,000 queued tasks
    Semaphore slots = new Semaphore(options.threads() * 2);
    try {
      for (List<ArchiveWalker.TopLevelFile> task : IncidentMerge.tasks(files, ArchiveWalker.TopLevelFile::name,
          ArchiveWalker.TopLevelFile::size, options.togetherBytes())) {
        slots.acquire();
        pool.execute(() -> {
          try {
            // a small incident's files are read together, as analyze reads them; a big one's in parallel
            MemberScanner.Together together = task.size() > 1
                ? members.together(incidents.correlator(incidentOf(task.get(0)))) : null;
            for (ArchiveWalker.TopLevelFile f : task) {
              walk(f, walker, summary, members, together, incidents, done, totalBytes);
            }
            finishTogether(incidentOf(task.get(0)), together, summary, incidents);
          } finally {
            for (ArchiveWalker.TopLevelFile f : task) {
              incidents.topLevelDone(f);
            }
            slots.release();
          }
        });
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(365, TimeUnit.DAYS);
    }
    summary.seconds((System.nanoTime() - start) / 1e9);
    return summary;
  }

  private static String incidentOf(ArchiveWalker.TopLevelFile f) {
    return IncidentMerge.incidentOf(f.name(), f.name());
  }

  /**
   * Walks one top-level file; its own members go to {@code together} when given, an archive's members
   * are read together per incident (they come one after another anyway).
   */
  private void walk(ArchiveWalker.TopLevelFile top, ArchiveWalker walker, ScanSummary summary, MemberScanner members,
      MemberScanner.Together together, Incidents incidents, AtomicLong done, long total) {
    String own = incidentOf(top);
    // the archive's incident being read, and its members read together so far
    String[] open = new String[1];
    MemberScanner.Together[] inArchive = new MemberScanner.Together[1];
    ArchiveWalker.Visitor visitor = new ArchiveWalker.Visitor() {
      @Override
      public void read(long bytes) {
        listener.progress(done.addAndGet(bytes), total);
      }

      @Override
      public void member(ArchiveMember member) {
        if (!options.filter().accepts(member.name())) {
          return;
        }
        String incident = IncidentMerge.incidentOf(top.name(), member.name());
        if (incident.equals(own)) {
          if (together != null) {
            together.read(member);
          } else {
            incidents.add(incident, members.scanOrReport(member, incidents.correlator(incident)));
          }
          return;
        }
        if (!incident.equals(open[0])) {
          finishTogether(open[0], inArchive[0], summary, incidents);
          incidents.inArchive(top, incident);
          open[0] = incident;
          inArchive[0] = members.together(incidents.correlator(incident));
        }
        inArchive[0].read(member);
      }

      @Override
      public void unreadable(String name, String error) {
        summary.addUnreadable(name, error);
        listener.unreadable(name, error);
      }

      @Override
      public void skipped(String name, String reason) {
        summary.addSkipped(name, reason);
        listener.skipped(name, reason);
      }
    };
    try {
      walker.walk(top, visitor);
    } catch (RuntimeException e) {
      // a bug in a parser or rule must not end the night's scan
      summary.addUnreadable(top.name(), ArchiveWalker.internalError(e));
      listener.unreadable(top.name(), ArchiveWalker.internalError(e));
    } finally {
      finishTogether(open[0], inArchive[0], summary, incidents);
      summary.addBytes(top.size());
    }
  }

  /** Analyses the last chunk of members read together and hands their results to the incident. */
  private void finishTogether(String incident, MemberScanner.Together together, ScanSummary summary,
      Incidents incidents) {
    if (together == null) {
      return;
    }
    try {
      together.finish().forEach(r -> incidents.add(incident, r));
    } catch (RuntimeException e) {
      String name = incident.isEmpty() ? "." : incident;
      summary.addUnreadable(name, ArchiveWalker.internalError(e));
      listener.unreadable(name, ArchiveWalker.internalError(e));
    }
  }

  /**
   * The incidents under way: their correlators and members' results, until the last top-level file
   * that can hold members of the incident is done.
   */
  private final class Incidents {
    private final ScanSummary summary;
    private final IncidentMerge merge = new IncidentMerge(analyzer.engine().catalog());
    private final Map<String, StickyCorrelator> correlators = new HashMap<>();
    private final Map<String, List<FileResult>> results = new HashMap<>();
    /** Top-level files not yet done, per the incident of their directory. */
    private final Map<String, Integer> pendingFiles = new HashMap<>();
    /** The incidents inside each top-level archive (they end with it). */
    private final Map<String, Set<String>> archiveIncidents = new HashMap<>();

    Incidents(ScanSummary summary, List<ArchiveWalker.TopLevelFile> files) {
      this.summary = summary;
      for (ArchiveWalker.TopLevelFile f : files) {
        pendingFiles.merge(IncidentMerge.incidentOf(f.name(), f.name()), 1, Integer::sum);
      }
    }

    synchronized StickyCorrelator correlator(String incident) {
      return correlators.computeIfAbsent(incident, k -> new StickyCorrelator());
    }

    synchronized void inArchive(ArchiveWalker.TopLevelFile top, String incident) {
      if (!incident.equals(incidentOf(top))) {
        archiveIncidents.computeIfAbsent(top.name(), k -> new LinkedHashSet<>()).add(incident);
      }
    }

    synchronized void add(String incident, FileResult r) {
      results.computeIfAbsent(incident, k -> new ArrayList<>()).add(r);
    }

    /** The incidents inside an archive end with it; a directory's ends with its last file. */
    void topLevelDone(ArchiveWalker.TopLevelFile f) {
      Set<String> inArchive;
      boolean last;
      String own = incidentOf(f);
      synchronized (this) {
        inArchive = archiveIncidents.remove(f.name());
        last = pendingFiles.merge(own, -1, Integer::sum) == 0;
      }
      if (inArchive != null) {
        inArchive.forEach(this::finish);
      }
      if (last) {
        finish(own);
      }
    }

    private void finish(String incident) {
      List<FileResult> files;
      StickyCorrelator correlator;
      synchronized (this) {
        files = results.remove(incident);
        correlator = correlators.remove(incident);
      }
      if (files == null) {
        return;
      }
      List<Evidence> places = chunkListener == null ? null : new ArrayList<>();
      CauseTally sticky = correlator == null ? null : correlator.tally(options.maxExamples(), places);
      IncidentMerge.Merged merged = merge.reduce(files, sticky == null ? List.of() : List.of(sticky));
      for (FileResult r : merged.files()) {
        summary.add(r);
        listener.fileDone(r);
      }
      merged.crossUnit().forEach(summary::addCrossUnit);
      if (places != null && !places.isEmpty() && !merged.crossUnit().isEmpty()) {
        try {
          chunkListener.tag(StickyCorrelator.CAUSE, places);
        } catch (IOException e) {
          summary.addUnreadable(incident.isEmpty() ? "." : incident, "index: " + e.getMessage());
        }
      }
    }
  }
}
