package io.siodoctor.analyzer.web;

import io.javalin.http.Context;
import io.siodoctor.analyzer.index.LiveEventSearcher;
import io.siodoctor.analyzer.index.SearchJson;
import io.siodoctor.analyzer.index.SearchResult;
import io.siodoctor.analyzer.render.Redaction;
import java.io.IOException;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.IndexSearcher;

/**
 * {@code GET /api/search?q=QUERY&limit=N}: the same JSON as {@code search --format json}, text redacted;
 * 400 with a one-line message for a query Lucene cannot parse, 404 when the server has no index.
 */
final class SearchHandler {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  static final int MAX_QUERY_CHARS = 4096;

  private final LiveEventSearcher searcher;

  /** @param searcher {@code null} when the server runs without {@code --index} */
  SearchHandler(LiveEventSearcher searcher) {
    this.searcher = searcher;
  }

  boolean enabled() {
    return searcher != null;
  }

  void handle(Context ctx) throws IOException {
    if (searcher == null) {
      throw new WebError(404, "this server has no index to search (start it with: sio-doctor serve --index DIR)");
    }
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      throw new WebError(400, "missing query: /api/search?q=QUERY, e.g. q=sid:Xy12 or q=\"Session ID unknown\"");
    }
    if (q.length() > MAX_QUERY_CHARS) {
      throw new WebError(400, "query too long (" + q.length() + " characters; at most " + MAX_QUERY_CHARS + ")");
    }
    int limit = limit(ctx.queryParam("limit"));
    SearchResult result;
    try {
      result = Redaction.MASKED.apply(searcher.search(q, limit));
    } catch (ParseException e) {
      throw new WebError(400, "cannot parse the query: " + firstLine(e.getMessage()));
    } catch (IndexSearcher.TooManyClauses e) {
      throw new WebError(400, "the query matches too many terms; make it more specific (" + firstLine(e.getMessage()) + ")");
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new WebError(400, "cannot run the query: " + firstLine(e.getMessage()));
    }
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(SearchJson.of(result).toString());
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return Math.min(n, MAX_LIMIT);
    } catch (NumberFormatException e) {
      throw new WebError(400, "limit needs a positive number, not " + firstLine(value));
    }
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    return (nl < 0 ? t : t.substring(0, nl)).replace('\r', ' ').strip();
  }
}
