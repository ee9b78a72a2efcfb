package io.siodoctor.analyzer.index;

import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The fields of one indexed event (a log line, a HAR entry, a WebSocket frame) as the contract names
 * them. Ids, names and codes are keywords, matched exactly and case-sensitively (a sid is
 * case-sensitive); only {@code text} is analysed for full-text search.
 */
public final class EventFields {
  private EventFields() {}

  /** The line number of a log line, as a point (the place itself is stored, not indexed). */
  public static final String LINE = "line";
  /** Epoch milliseconds: a LongPoint for ranges, stored, and doc values for sorting. */
  public static final String TIME = "time";
  public static final String FILE = "file";
  public static final String LOCATION = "location";
  public static final String NODE = "node";
  public static final String SID = "sid";
  /** {@code log}, {@code har} or {@code ws}. */
  public static final String KIND = "kind";
  /** HTTP status of an access-log line or HAR entry. */
  public static final String STATUS = "status";
  /** Ids of the causes this event is evidence of (multi-valued). */
  public static final String CAUSE = "cause";
  /** The line or exchange as text; the default field of queries. */
  public static final String TEXT = "text";

  public static final Set<String> KEYWORDS = Set.of(FILE, NODE, SID, KIND, STATUS, CAUSE);

  /** Standard analysis for text, none for keywords: used to index and to parse queries alike. */
  public static Analyzer analyzer() {
    KeywordAnalyzer keyword = new KeywordAnalyzer();
    Map<String, Analyzer> perField = new java.util.HashMap<>();
    for (String f : KEYWORDS) {
      perField.put(f, keyword);
    }
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
  }
}
