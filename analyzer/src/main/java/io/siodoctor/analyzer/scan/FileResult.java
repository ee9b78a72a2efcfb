package io.siodoctor.analyzer.scan;

import java.io.Serializable;
import java.util.Map;

/**
 * What one member gave: its detected format, bytes and records read, the causes found in it alone,
 * and the error that cut it short (null when read to the end).
 *
 * <p>Serializable, so that a distributed runner can scan members where they are stored and merge
 * the results elsewhere ({@link ScanSummary#add}): the causes map is a serializable map
 * ({@link java.util.LinkedHashMap} or {@link Map#of()}) of serializable {@link CauseTally}s.
 */
public record FileResult(String file, String format, long bytes, long records, Map<String, CauseTally> causes,
    String error) implements Serializable {
  private static final long serialVersionUID = 1L;
}
