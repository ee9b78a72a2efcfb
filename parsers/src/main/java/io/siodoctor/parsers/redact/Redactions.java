package io.siodoctor.parsers.redact;

import java.util.Map;
import java.util.TreeMap;

/** How many values of each kind were replaced: the redaction report shown to the user. */
public final class Redactions {
  /** The kinds, as they appear in the markers ({@code [redacted:cookie]}). */
  public static final String COOKIE = "cookie";
  public static final String QUERY = "query";
  public static final String AUTH = "auth";
  public static final String JWT = "jwt";
  public static final String FIELD = "field";
  public static final String SID = "sid";
  /** Bodies and frames that are not text, so cannot be inspected: dropped (bodies) or zeroed (frames). */
  public static final String BINARY = "binary";

  private final Map<String, Integer> counts = new TreeMap<>();

  public void count(String kind) {
    counts.merge(kind, 1, Integer::sum);
  }

  public static String marker(String kind) {
    return "[redacted:" + kind + "]";
  }

  public int get(String kind) {
    return counts.getOrDefault(kind, 0);
  }

  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  public Map<String, Integer> asMap() {
    return Map.copyOf(counts);
  }

  /** {@code cookie 4, jwt 1, query 2, sid 12 (replaced by a keyed hash)}. */
  public String summary() {
    if (counts.isEmpty()) {
      return "nothing to redact";
    }
    StringBuilder sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v)
        .append(k.equals(SID) ? " (replaced by a keyed hash)" : ""));
    return sb.toString();
  }
}
