package io.siodoctor.analyzer.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;

/** Answers queries over an index written by {@link EventIndexer}, oldest event first. */
public final class EventSearcher implements Closeable {
  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  private EventSearcher(FSDirectory directory, DirectoryReader reader) {
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
  }

  /** @throws IOException with a one-line message when there is no index in {@code dir} */
  public static EventSearcher open(Path dir) throws IOException {
    FSDirectory directory = FSDirectory.open(dir);
    try {
      return new EventSearcher(directory, DirectoryReader.open(directory));
    } catch (IndexNotFoundException e) {
      directory.close();
      throw new IOException(dir + ": no index here (create one with: sio-doctor index PATH... --index " + dir + ")");
    }
  }

  /**
   * @throws ParseException when the query is not valid Lucene syntax (its message says where)
   */
  public SearchResult search(String queryText, int limit) throws IOException, ParseException {
    return search(searcher, queryText, limit);
  }

  /**
   * One query over any searcher of an {@link EventIndexer} index (shared with {@link LiveEventSearcher}).
   *
   * @throws ParseException when the query is not valid Lucene syntax (its message says where)
   */
  static SearchResult search(IndexSearcher searcher, String queryText, int limit)
      throws IOException, ParseException {
    Query query = new EventQueryParser().parse(queryText);
    SortField byTime = new SortField(EventFields.TIME, SortField.Type.LONG);
    byTime.setMissingValue(Long.MAX_VALUE);
    TopFieldDocs top = searcher.search(query, Math.max(1, limit), new Sort(byTime, SortField.FIELD_DOC));
    long total = searcher.count(query);
    List<SearchHit> hits = new ArrayList<>();
    var stored = searcher.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = stored.document(sd.doc);
      IndexableField time = d.getField(EventFields.TIME);
      hits.add(new SearchHit(
          time == null ? null : Instant.ofEpochMilli(time.numericValue().longValue()),
          d.get(EventFields.FILE), d.get(EventFields.LOCATION), d.get(EventFields.NODE), d.get(EventFields.SID),
          d.get(EventFields.KIND), d.get(EventFields.STATUS),
          Arrays.asList(d.getValues(EventFields.CAUSE)),
          d.get(EventFields.TEXT)));
    }
    return new SearchResult(queryText, total, hits);
  }

  /** Events in the index. */
  public int size() {
    return reader.numDocs();
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
