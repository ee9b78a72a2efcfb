package io.siodoctor.analyzer.index;

import io.siodoctor.analyzer.scan.LogNodes;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import java.util.Collection;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;

/** Turns one parsed record into the Lucene document of {@link EventFields}. */
final class EventDocuments {
  private EventDocuments() {}

  static Document of(Record r, Collection<String> causes) {
    Document d = new Document();
    if (r.time() != null) {
      long t = r.time().toEpochMilli();
      d.add(new LongPoint(EventFields.TIME, t));
      d.add(new StoredField(EventFields.TIME, t));
      d.add(new NumericDocValuesField(EventFields.TIME, t));
    }
    d.add(new StringField(EventFields.FILE, r.location().file(), Field.Store.YES));
    location(d, r.location().location());
    r.sid().ifPresent(sid -> d.add(new StringField(EventFields.SID, sid, Field.Store.YES)));
    String text;
    int status = 0;
    if (r instanceof LogLine l) {
      keyword(d, EventFields.KIND, "log");
      String node = LogNodes.of(l);
      if (node != null) {
        keyword(d, EventFields.NODE, node);
      }
      if (l.access() != null) {
        status = l.access().status();
      }
      text = l.source() == null ? l.message() : l.source() + " " + l.message();
    } else if (r instanceof HttpExchange x) {
      keyword(d, EventFields.KIND, "har");
      status = x.status();
      text = x.excerpt();
    } else {
      keyword(d, EventFields.KIND, r instanceof WsFrame ? "ws" : "other");
      text = r.excerpt();
    }
    if (status > 0) {
      keyword(d, EventFields.STATUS, Integer.toString(status));
    }
    for (String c : causes) {
      keyword(d, EventFields.CAUSE, c);
    }
    d.add(new TextField(EventFields.TEXT, text == null ? "" : text, Field.Store.YES));
    return d;
  }

  /**
   * Stored, not indexed as a term: nearly every event has its own place, and a unique term per
   * document makes indexing several times slower. Log lines get their number as a point, so that a
   * line can be found again ({@link EventIndexer#tag}).
   */
  private static void location(Document d, String location) {
    d.add(new StoredField(EventFields.LOCATION, location));
    long line = lineNumber(location);
    if (line >= 0) {
      d.add(new LongPoint(EventFields.LINE, line));
    }
  }

  /** {@code line 88211} → 88211; -1 for other places (HAR entries). */
  static long lineNumber(String location) {
    if (location == null || !location.startsWith("line ")) {
      return -1;
    }
    try {
      return Long.parseLong(location.substring(5));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The same document with one more cause, rebuilt from its stored fields. */
  static Document withCause(Document stored, String cause) {
    Document d = new Document();
    IndexableField time = stored.getField(EventFields.TIME);
    Long millis = time == null ? null : time.numericValue().longValue();
    if (millis != null) {
      d.add(new LongPoint(EventFields.TIME, millis));
      d.add(new StoredField(EventFields.TIME, millis));
      d.add(new NumericDocValuesField(EventFields.TIME, millis));
    }
    location(d, stored.get(EventFields.LOCATION));
    for (String f : new String[] {EventFields.FILE, EventFields.SID, EventFields.KIND,
        EventFields.NODE, EventFields.STATUS}) {
      String v = stored.get(f);
      if (v != null) {
        keyword(d, f, v);
      }
    }
    java.util.Set<String> causes = new java.util.LinkedHashSet<>(java.util.Arrays.asList(stored.getValues(EventFields.CAUSE)));
    causes.add(cause);
    for (String c : causes) {
      keyword(d, EventFields.CAUSE, c);
    }
    String text = stored.get(EventFields.TEXT);
    d.add(new TextField(EventFields.TEXT, text == null ? "" : text, Field.Store.YES));
    return d;
  }

  private static void keyword(Document d, String field, String value) {
    d.add(new StringField(field, value, Field.Store.YES));
  }
}
