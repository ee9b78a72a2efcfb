package io.siodoctor.analyzer.index;

import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.scan.ChunkListener;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.SourceLocation;
import io.siodoctor.rules.api.Evidence;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes every parsed record of a scan to an on-disk Lucene index, appending to what is there (the
 * next night adds to the last). Each record is tagged with the causes whose evidence points at it.
 * A file is identified by its name: indexing a file again (a retried nightly job) first deletes the
 * events indexed under its name, so the hits never double.
 *
 * <p>Indexing (tokenising and writing segments) runs on its own threads, overlapping the parsing and
 * rules on the scan threads; at most a few chunks wait, so memory stays bounded.
 */
public final class EventIndexer implements ChunkListener, Closeable {
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final ExecutorService indexing;
  private final Semaphore waiting;
  private final int permits;
  private final AtomicLong documents = new AtomicLong();
  private final AtomicReference<IOException> failure = new AtomicReference<>();
  /** The files whose earlier events this run has deleted (before adding its own). */
  private final Set<String> replaced = ConcurrentHashMap.newKeySet();

  private EventIndexer(FSDirectory directory, IndexWriter writer, int threads) {
    this.directory = directory;
    this.writer = writer;
    this.indexing = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "index");
      t.setDaemon(true);
      return t;
    });
    this.permits = threads + 1;
    this.waiting = new Semaphore(permits);
  }

  /** Opens (or creates) the index in {@code dir}, for appending, with {@code threads} indexing threads. */
  public static EventIndexer open(Path dir, int threads) throws IOException {
    Files.createDirectories(dir);
    FSDirectory directory = FSDirectory.open(dir);
    IndexWriterConfig config = new IndexWriterConfig(EventFields.analyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(64);
    try {
      return new EventIndexer(directory, new IndexWriter(directory, config), Math.max(1, threads));
    } catch (IOException e) {
      directory.close();
      throw new IOException(dir + ": cannot open the index: " + e.getMessage(), e);
    }
  }

  @Override
  public void chunk(List<Record> records, List<RankedCause> found) throws IOException {
    IOException failed = failure.get();
    if (failed != null) {
      throw failed;
    }
    Map<SourceLocation, Set<String>> causes = causesByLocation(found);
    // a delete applies to the documents added before it: this run's own come after
    for (Record r : records) {
      String file = r.location().file();
      if (!replaced.contains(file) && replaced.add(file)) {
        writer.deleteDocuments(new Term(EventFields.FILE, file));
      }
    }
    try {
      waiting.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    List<Record> batch = records; // the scanner starts a new list for its next chunk
    indexing.execute(() -> {
      try {
        List<Document> docs = new ArrayList<>(Math.min(batch.size(), 10_000));
        for (Record r : batch) {
          docs.add(EventDocuments.of(r, causes.getOrDefault(r.location(), Set.of())));
          if (docs.size() == 10_000) {
            writer.addDocuments(docs);
            documents.addAndGet(docs.size());
            docs.clear();
          }
        }
        writer.addDocuments(docs);
        documents.addAndGet(docs.size());
      } catch (IOException e) {
        failure.compareAndSet(null, e);
      } finally {
        waiting.release();
      }
    });
  }

  /** The causes each evidence location proves (evidence is capped per finding, so this tags the shown ones). */
  private static Map<SourceLocation, Set<String>> causesByLocation(List<RankedCause> found) {
    Map<SourceLocation, Set<String>> m = new HashMap<>();
    for (RankedCause c : found) {
      for (Evidence e : c.evidence()) {
        m.computeIfAbsent(e.location(), k -> new LinkedHashSet<>()).add(c.id());
      }
    }
    return m;
  }

  /**
   * Adds a cause to already indexed events: waits for the queued chunks, finds each event by file and
   * place (and time, since the index holds earlier nights too) and rewrites it from its stored fields.
   */
  @Override
  public void tag(String cause, List<Evidence> events) throws IOException {
    drain();
    writer.flush();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      var stored = searcher.storedFields();
      for (Evidence e : events) {
        long line = EventDocuments.lineNumber(e.location().location());
        if (line < 0 || e.time() == null) {
          continue;
        }
        // file, line and time: the next night's file of the same name has the same lines
        Query q = new BooleanQuery.Builder()
            .add(new TermQuery(new Term(EventFields.FILE, e.location().file())), BooleanClause.Occur.FILTER)
            .add(LongPoint.newExactQuery(EventFields.LINE, line), BooleanClause.Occur.FILTER)
            .add(LongPoint.newExactQuery(EventFields.TIME, e.time().toEpochMilli()), BooleanClause.Occur.FILTER)
            .build();
        for (ScoreDoc sd : searcher.search(q, 10).scoreDocs) {
          Document updated = EventDocuments.withCause(stored.document(sd.doc), cause);
          writer.deleteDocuments(q);
          writer.addDocument(updated);
          break;
        }
      }
    }
  }

  /** Waits until every queued chunk is written. */
  private void drain() throws IOException {
    try {
      waiting.acquire(permits);
      waiting.release(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  /** Documents added so far. */
  public long documents() {
    return documents.get();
  }

  /** Waits for the queued chunks, commits and closes. */
  @Override
  public void close() throws IOException {
    indexing.shutdown();
    try {
      indexing.awaitTermination(365, TimeUnit.DAYS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      writer.commit();
    } finally {
      writer.close();
      directory.close();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }
}
