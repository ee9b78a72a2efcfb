package io.siodoctor.analyzer.index;

import io.siodoctor.analyzer.render.Redactable;
import java.util.List;
import java.util.function.UnaryOperator;

/** The answer to one query: how many events match in all, and the first ones by time. */
public record SearchResult(String query, long hits, List<SearchHit> results) implements Redactable<SearchResult> {

  /** The same answer with each event's text passed through {@code mask}. */
  @Override
  public SearchResult mapText(UnaryOperator<String> mask) {
    return new SearchResult(query, hits, results.stream().map(h -> new SearchHit(h.time(), h.file(), h.location(),
        h.node(), h.sid(), h.kind(), h.status(), h.causes(), mask.apply(h.text()))).toList());
  }
}
