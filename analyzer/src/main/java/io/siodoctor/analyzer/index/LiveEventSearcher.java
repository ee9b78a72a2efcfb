package io.siodoctor.analyzer.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * An index opened read-only once for a long-running process (the web server), safe for concurrent
 * queries: each query takes a reference-counted searcher, and picks up what an {@code index} or
 * {@code scan --index} run appended since (Lucene's {@link SearcherManager}, which reopens only
 * when the index changed and closes an old reader once its last query ends).
 */
public final class LiveEventSearcher implements Closeable {
  private final FSDirectory directory;
  private final SearcherManager manager;

  private LiveEventSearcher(FSDirectory directory, SearcherManager manager) {
    this.directory = directory;
    this.manager = manager;
  }

  /** @throws IOException with a one-line message when there is no index in {@code dir} */
  public static LiveEventSearcher open(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) { // FSDirectory.open would create it; a typo must not leave an empty directory
      throw new IOException(dir + ": no index here (create one with: sio-doctor index PATH... --index " + dir + ")");
    }
    FSDirectory directory = FSDirectory.open(dir);
    try {
      return new LiveEventSearcher(directory, new SearcherManager(directory, null));
    } catch (IndexNotFoundException e) {
      directory.close();
      throw new IOException(dir + ": no index here (create one with: sio-doctor index PATH... --index " + dir + ")");
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * The first {@code limit} events matching {@code queryText} by time, as the index holds them: the
   * caller's output boundary ({@code render.Redaction}) masks them.
   *
   * @throws ParseException when the query is not valid Lucene syntax (its message says where)
   */
  public SearchResult search(String queryText, int limit) throws IOException, ParseException {
    // cheap when nothing changed (one look at the segments file); waits for a concurrent reopen so that
    // every query sees what was appended before it began
    manager.maybeRefreshBlocking();
    IndexSearcher searcher = manager.acquire();
    try {
      return EventSearcher.search(searcher, queryText, limit);
    } finally {
      manager.release(searcher);
    }
  }

  /** Events in the index as last (re)opened. */
  public int size() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      manager.close();
    } finally {
      directory.close();
    }
  }
}
