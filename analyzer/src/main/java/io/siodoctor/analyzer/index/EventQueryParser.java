package io.siodoctor.analyzer.index;

import io.siodoctor.parsers.logs.TimeReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic query syntax over {@link EventFields}, plus times: {@code time:[2026-11-24T02:00:00Z
 * TO 2026-11-24T02:15:00Z]} becomes a range over the LongPoint, {@code *} leaves an end open, and
 * {@code time:2026-11-24T02} (an hour) or {@code time:2026-11-24} (a day) means that whole period.
 */
public final class EventQueryParser extends QueryParser {

  public EventQueryParser() {
    super(EventFields.TEXT, EventFields.analyzer());
    setAllowLeadingWildcard(true);
    setDefaultOperator(QueryParser.Operator.AND);
  }

  /**
   * Engine.IO sids are base64url and may start with {@code -} ({@code sid:-06KwqDyPj6GirHtAAAA}),
   * which the classic syntax reads as "prohibit" and rejects after a colon. A {@code -} right after
   * {@code field:} means nothing else, so it is taken literally.
   */
  @Override
  public Query parse(String query) throws ParseException {
    return super.parse(LEADING_DASH.matcher(query).replaceAll("$1\\\\-"));
  }

  private static final Pattern LEADING_DASH = Pattern.compile("(\\b[A-Za-z_]+:)-");

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
      boolean endInclusive) throws ParseException {
    if (!EventFields.TIME.equals(field)) {
      return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }
    long lo = part1 == null || part1.equals("*") ? Long.MIN_VALUE : millis(part1);
    long hi = part2 == null || part2.equals("*") ? Long.MAX_VALUE : millis(part2);
    if (!startInclusive && lo != Long.MIN_VALUE) {
      lo = Math.addExact(lo, 1);
    }
    if (!endInclusive && hi != Long.MAX_VALUE) {
      hi = Math.addExact(hi, -1);
    }
    return LongPoint.newRangeQuery(EventFields.TIME, lo, hi);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
    if (!EventFields.TIME.equals(field)) {
      return super.getFieldQuery(field, queryText, quoted);
    }
    long start = millis(queryText);
    String t = queryText.trim();
    long length = t.length() == 10 ? ChronoUnit.DAYS.getDuration().toMillis()
        : t.length() == 13 ? ChronoUnit.HOURS.getDuration().toMillis()
        : t.length() == 16 ? ChronoUnit.MINUTES.getDuration().toMillis()
        : 1;
    return LongPoint.newRangeQuery(EventFields.TIME, start, start + length - 1);
  }

  private static long millis(String text) throws ParseException {
    try {
      Instant t = TimeReader.parseInstant(text);
      return t.toEpochMilli();
    } catch (IllegalArgumentException e) {
      throw new ParseException("time: " + e.getMessage());
    }
  }
}
