package io.siodoctor.parsers.engineio;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Engine.IO query of a request URL. Written by hand rather than with {@link java.net.URI},
 * which rejects the unescaped characters that captured URLs do contain.
 */
final class EngineIoUrls {
  private static final Set<String> TRANSPORTS = Set.of("polling", "websocket", "webtransport");

  private EngineIoUrls() {}

  static EngineIoQuery parse(String url) {
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
    if (!params.containsKey("EIO") && (transport == null || !TRANSPORTS.contains(transport))) {
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
