package io.siodoctor.analyzer.scan;

import io.siodoctor.analyzer.Analyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The batch scan: walks every path, analyses each member on a pool of threads, correlates sticky
 * sessions across files, and fills the summary. Memory is bounded by the threads × one chunk of
 * records, plus the compact per-night maps (sids issued, sids per cause).
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
    StickyCorrelator correlator = new StickyCorrelator();
    MemberScanner members = new MemberScanner(analyzer, options, correlator, chunkListener);
    AtomicLong done = new AtomicLong();
    ArchiveWalker.Visitor visitor = visitor(summary, members, done, totalBytes);

    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "scan");
      t.setDaemon(true);
      return t;
    });
    // a bounded queue: a night of 100,000 files does not become 100,000 queued tasks
    Semaphore slots = new Semaphore(options.threads() * 2);
    try {
      for (ArchiveWalker.TopLevelFile f : files) {
        slots.acquire();
        pool.execute(() -> {
          try {
            walker.walk(f, visitor);
          } catch (RuntimeException e) {
            // a bug in a parser or rule must not end the night's scan
            summary.addUnreadable(f.name(), ArchiveWalker.internalError(e));
            listener.unreadable(f.name(), ArchiveWalker.internalError(e));
          } finally {
            summary.addBytes(f.size());
            slots.release();
          }
        });
      }
    } finally {
      pool.shutdown();
      pool.awaitTermination(365, TimeUnit.DAYS);
    }
    var stickyPlaces = correlator.addTo(summary, chunkListener != null);
    if (chunkListener != null && !stickyPlaces.isEmpty()) {
      chunkListener.tag(StickyCorrelator.CAUSE, stickyPlaces);
    }
    summary.seconds((System.nanoTime() - start) / 1e9);
    return summary;
  }

  private ArchiveWalker.Visitor visitor(ScanSummary summary, MemberScanner members, AtomicLong done, long total) {
    return new ArchiveWalker.Visitor() {
      @Override
      public void read(long bytes) {
        listener.progress(done.addAndGet(bytes), total);
      }

      @Override
      public void member(ArchiveMember member) {
        FileResult r = members.scanOrReport(member);
        summary.add(r);
        listener.fileDone(r);
      }

      @Override
      public void unreadable(String name, String error) {
        summary.addUnreadable(name, error);
        listener.unreadable(name, error);
      }

      @Override
      public void skipped(String name, String reason) {
        listener.skipped(name, reason);
      }
    };
  }
}
