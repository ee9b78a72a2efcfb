package io.siodoctor.analyzer.traffic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The Socket.IO-related requests, frames and log lines of one incident, in time order: the report's
 * request list, and the place evidence items and timeline marks point into.
 *
 * @param dropped rows left out to keep the page small
 */
public record Traffic(List<TrafficRow> rows, int dropped) {

  public static final Traffic EMPTY = new Traffic(List.of(), 0);

  public Traffic {
    rows = List.copyOf(rows);
  }

  /** Rows by {@code file location}, the key evidence and timeline marks carry. */
  public Map<String, TrafficRow> byLocation() {
    Map<String, TrafficRow> m = new HashMap<>();
    for (TrafficRow r : rows) {
      m.putIfAbsent(r.location(), r);
    }
    return m;
  }

  public Traffic mapText(UnaryOperator<String> mask) {
    return new Traffic(rows.stream().map(r -> r.mapText(mask)).toList(), dropped);
  }
}
