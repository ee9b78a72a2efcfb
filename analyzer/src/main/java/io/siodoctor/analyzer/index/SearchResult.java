package io.siodoctor.analyzer.index;

import java.util.List;

/** The answer to one query: how many events match in all, and the first ones by time. */
public record SearchResult(String query, long hits, List<SearchHit> results) {}
