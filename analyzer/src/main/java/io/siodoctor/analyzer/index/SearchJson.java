package io.siodoctor.analyzer.index;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.siodoctor.analyzer.Tool;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@link SearchResult} as the contract's JSON ({@code search --format json} and {@code GET /api/search}). */
public final class SearchJson {
  private SearchJson() {}

  public static ObjectNode of(SearchResult r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("query", r.query());
    o.put("hits", r.hits());
    ArrayNode results = o.putArray("results");
    for (SearchHit h : r.results()) {
      ObjectNode x = results.addObject();
      x.put("time", h.time() == null ? null : h.time().toString());
      x.put("file", h.file());
      x.put("location", h.location());
      x.put("node", h.node());
      x.put("sid", h.sid());
      x.put("kind", h.kind());
      if (h.status() != null) {
        try {
          x.put("status", Integer.parseInt(h.status()));
        } catch (NumberFormatException e) {
          x.put("status", h.status());
        }
      }
      ArrayNode causes = x.putArray("causes");
      h.causes().forEach(causes::add);
      x.put("text", h.text());
    }
    return Tool.stamp(o);
  }
}
