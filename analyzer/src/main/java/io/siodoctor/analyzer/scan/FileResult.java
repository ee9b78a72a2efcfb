package io.siodoctor.analyzer.scan;

import java.io.Serializable;
import java.util.Map;

/**
 * What one member gave: its detected format, bytes and records read, the causes found in it, and
 * the error that cut it short (null when read to the end). A member that is neither a HAR nor a log
 * (a README, a script) is {@code skipped}: its error says why, and it is not an unreadable input.
 *
 * <p>Serializable, so that a distributed runner can scan members where they are stored and merge
 * the results elsewhere ({@link ScanSummary#add}): the causes map is a serializable map
 * ({@link java.util.LinkedHashMap} or {@link Map#of()}) of serializable {@link CauseTally}s.
 */
public record FileResult(String file, String format, long bytes, long records, Map<String, CauseTally> causes,
    String error, boolean skipped) implements Serializable {
  private static final long serialVersionUID = 2L;

  /** A member that was read (or failed to be): not skipped. */
  public FileResult(String file, String format, long bytes, long records, Map<String, CauseTally> causes,
      String error) {
    this(file, format, bytes, records, causes, error, false);
  }

  /** The same result with other causes (what stands after the incident's merge). */
  public FileResult withCauses(Map<String, CauseTally> other) {
    return new FileResult(file, format, bytes, records, other, error, skipped);
  }
}
