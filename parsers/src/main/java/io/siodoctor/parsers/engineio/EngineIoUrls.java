package io.siodoctor.parsers.engineio;

import io.siodoctor.parsers.bytes.ByteSearch;
import io.siodoctor.parsers.capture.RedactionMarkers;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the Engine.IO query of a request URL, from a String (HAR entries, log text) or in place
 * from the bytes of a log line: the one reader of that query. Written by hand rather than with
 * {@link java.net.URI}, which rejects the unescaped characters that captured URLs do contain.
 *
 * <p>Two paths, one answer. Nearly every URL is plain ASCII without escapes, {@code +}, fragment
 * or edge spaces; those are read in one pass over bytes without maps or splits ({@link #fast}),
 * which matters at a million log lines. Every other URL, and anything the fast path is unsure of,
 * goes to the plain reader ({@link #plain}), which trims, cuts the fragment and percent-decodes.
 * {@code EngineIoUrlsTest} shows the two agree on generated URLs and on every URL of the sample
 * captures.
 */
public final class EngineIoUrls {
  /**
   * Makes the String of a byte range for the fast path: a log parser passes its cache of tokens
   * that repeat on every line (the path, odd EIO and transport values).
   */
  @FunctionalInterface
  public interface Strings {
    String of(byte[] b, int from, int to);
  }

  private EngineIoUrls() {}

  /**
   * The Engine.IO query of a URL or request target: absolute ({@code http}, {@code https},
   * {@code ws}, {@code wss}), scheme-relative or relative, percent-encoded or not.
   *
   * @return null unless the query has {@code EIO} or {@code transport=polling|websocket|webtransport}
   */
  public static EngineIoQuery parse(String url) {
    if (url == null || url.indexOf('?') < 0) {
      return null;
    }
    // an ASCII String encodes by a plain copy; anything else ends in bytes the fast path refuses
    byte[] b = url.getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length, url, null);
  }

  /**
   * {@link #parse(String)} of a URL read in place from {@code b[from..to)}, the bytes {@code url}
   * was decoded from (UTF-8): an access log has one per line, and reading the bytes instead of the
   * String (plus taking the path and odd values from {@code strings}) made the access parse ~15 %
   * faster.
   *
   * @param strings where the path and odd values come from; null to decode each one
   */
  public static EngineIoQuery parse(byte[] b, int from, int to, String url, Strings strings) {
    int q = ByteSearch.indexOf(b, from, to, (byte) '?');
    if (q < 0) {
      return null;
    }
    if (b[from] <= ' ' || b[to - 1] <= ' '
        || !ByteSearch.asciiWithout(b, from, to, (byte) '%', (byte) '+', (byte) '#')) {
      return plain(url);
    }
    return fast(b, from, q, to, strings);
  }

  /**
   * The grammar of a plain URL ({@code b[from..to)} ASCII, no escape, {@code +}, fragment or edge
   * space; {@code q} its {@code ?}). The first of repeated keys counts, as in {@link #plain}.
   */
  private static EngineIoQuery fast(byte[] b, int from, int q, int to, Strings strings) {
    String eio = null;
    String transport = null;
    String sid = null;
    boolean seenB64 = false;
    boolean b64 = false;
    int i = q + 1;
    while (i < to) {
      int amp = ByteSearch.indexOf(b, i, to, (byte) '&');
      if (amp < 0) {
        amp = to;
      }
      if (amp > i) {
        int eq = ByteSearch.indexOf(b, i, amp, (byte) '=');
        int nameEnd = eq < 0 ? amp : eq;
        int valueFrom = Math.min(nameEnd + 1, amp);
        int len = nameEnd - i;
        if (len == 3 && startsWith(b, i, "EIO")) {
          if (eio == null) {
            eio = known(b, valueFrom, amp, strings);
          }
        } else if (len == 9 && startsWith(b, i, "transport")) {
          if (transport == null) {
            transport = known(b, valueFrom, amp, strings);
          }
        } else if (len == 3 && startsWith(b, i, "sid")) {
          if (sid == null) {
            sid = latin1(b, valueFrom, amp);
          }
        } else if (len == 3 && startsWith(b, i, "b64")) {
          if (!seenB64) {
            seenB64 = true;
            // the server tests the raw query value for truthiness: any non-empty value, even "0"
            b64 = valueFrom < amp;
          }
        }
      }
      i = amp + 1;
    }
    if (eio == null && (!isTransport(transport) || embedsEngineIoQuery(b, q + 1, to))) {
      return null;
    }
    return new EngineIoQuery(path(b, from, q, strings), eio, transport, sid, b64);
  }

  /**
   * A query without its own {@code EIO} parameter that still holds {@code EIO=}: inside a value,
   * an Engine.IO URL written unescaped into another URL ({@code /signin?rd=http://h/socket.io/?EIO=4&transport=polling&t=…},
   * a login page's return address). Its {@code transport} and {@code t} are the embedded URL's; the
   * request is the page's, not an Engine.IO one.
   */
  private static boolean embedsEngineIoQuery(byte[] b, int from, int to) {
    for (int i = ByteSearch.indexOf(b, from, to, (byte) 'E'); i >= 0 && i + 4 <= to;
        i = ByteSearch.indexOf(b, i + 1, to, (byte) 'E')) {
      if (startsWith(b, i, "EIO=")) {
        return true;
      }
    }
    return false;
  }

  private static final String[] DIGITS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

  /**
   * The EIO or transport value {@code b[from..to)}: the usual ones are constants (one digit,
   * {@code polling}, {@code websocket}), others come from {@code strings}. They sit on every
   * line, and a cache lookup each was ~6 % of the access parse.
   */
  private static String known(byte[] b, int from, int to, Strings strings) {
    int len = to - from;
    if (len == 1 && b[from] >= '0' && b[from] <= '9') {
      return DIGITS[b[from] - '0'];
    }
    if (len == 7 && startsWith(b, from, "polling")) {
      return "polling";
    }
    if (len == 9 && startsWith(b, from, "websocket")) {
      return "websocket";
    }
    return len == 0 ? "" : string(b, from, to, strings);
  }

  /** {@link #path(String)} of {@code b[from..q)}. */
  private static String path(byte[] b, int from, int q, Strings strings) {
    int start = -1;
    for (int k = from; k + 3 <= q; k++) {
      if (b[k] == ':' && b[k + 1] == '/' && b[k + 2] == '/') {
        start = k + 3;
        break;
      }
    }
    if (start < 0) {
      if (q - from >= 2 && b[from] == '/' && b[from + 1] == '/') {
        start = from + 2;
      } else {
        return q == from ? "" : string(b, from, q, strings);
      }
    }
    int slash = ByteSearch.indexOf(b, start, q, (byte) '/');
    return slash < 0 ? "/" : string(b, slash, q, strings);
  }

  /** Whether {@code transport} names an Engine.IO transport (null is not one). */
  private static boolean isTransport(String transport) {
    return "polling".equals(transport) || "websocket".equals(transport)
        || "webtransport".equals(transport);
  }

  private static String string(byte[] b, int from, int to, Strings strings) {
    // a null test, not a second Strings: the cache's call site stays monomorphic
    return strings == null ? latin1(b, from, to) : strings.of(b, from, to);
  }

  private static String latin1(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /** Whether {@code b} holds the ASCII {@code s} at {@code off} (the caller checked the length). */
  private static boolean startsWith(byte[] b, int off, String s) {
    for (int k = 0; k < s.length(); k++) {
      if (b[off + k] != (byte) s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the whole query of {@code url} is a sanitizer's placeholder ({@code ?[REDACTED]},
   * {@code ?%5Bquery%20redacted%5D=}): what the request said of its protocol revision, transport and
   * session is gone, so {@link #parse} cannot tell it is an Engine.IO request at all.
   */
  public static boolean queryRedacted(String url) {
    if (url == null) {
      return false;
    }
    int q = url.indexOf('?');
    if (q < 0) {
      return false;
    }
    int hash = url.indexOf('#', q);
    String query = url.substring(q + 1, hash < 0 ? url.length() : hash);
    if (query.endsWith("=")) {
      query = query.substring(0, query.length() - 1);
    }
    return query.indexOf('&') < 0 && RedactionMarkers.isMarker(PercentDecoding.decode(query, true));
  }

  /**
   * The plain reader, for every URL: trims, cuts the fragment, splits the query into decoded
   * parameters. The fallback of the fast path, and its reference in {@code EngineIoUrlsTest}.
   */
  static EngineIoQuery plain(String url) {
    if (url == null) {
      return null;
    }
    String u = url.trim();
    int hash = u.indexOf('#');
    if (hash >= 0) {
      u = u.substring(0, hash);
    }
    int q = u.indexOf('?');
    if (q < 0) {
      return null;
    }
    Map<String, String> params = params(u.substring(q + 1));
    String transport = params.get("transport");
    if (!params.containsKey("EIO") && (!isTransport(transport) || u.indexOf("EIO=", q + 1) >= 0)) {
      return null;
    }
    String b64 = params.get("b64");
    return new EngineIoQuery(
        PercentDecoding.decode(path(u.substring(0, q)), false),
        params.get("EIO"),
        transport,
        params.get("sid"),
        // the server tests the raw query value for truthiness: any non-empty value, even "0"
        b64 != null && !b64.isEmpty());
  }

  /** The path of an absolute, scheme-relative or relative URL (query already removed). */
  private static String path(String beforeQuery) {
    int start;
    int scheme = beforeQuery.indexOf("://");
    if (scheme >= 0) {
      start = scheme + 3;
    } else if (beforeQuery.startsWith("//")) {
      start = 2;
    } else {
      return beforeQuery;
    }
    int slash = beforeQuery.indexOf('/', start);
    return slash < 0 ? "/" : beforeQuery.substring(slash);
  }

  /** Query parameters, decoded; the first occurrence of a name wins. */
  private static Map<String, String> params(String query) {
    Map<String, String> params = new HashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = PercentDecoding.decode(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = eq < 0 ? "" : PercentDecoding.decode(pair.substring(eq + 1), true);
      params.putIfAbsent(name, value);
    }
    return params;
  }
}
