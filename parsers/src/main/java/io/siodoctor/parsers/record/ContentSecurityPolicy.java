package io.siodoctor.parsers.record;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One enforced Content-Security-Policy (a {@code Content-Security-Policy} header value, or one of
 * the comma-separated policies in it) and the question a browser asks it before a {@code fetch},
 * {@code XMLHttpRequest} or {@code WebSocket}: does the effective directive ({@code connect-src},
 * else {@code default-src}) allow this URL? The matching follows CSP Level 3 ("Does url match
 * source list", https://www.w3.org/TR/CSP3/#match-url-to-source-list) as Chromium 156 applies it,
 * checked here against the real browser: {@code http:} / {@code http://host} sources allow {@code
 * https} (upgrade) but not {@code ws}; {@code ws:} allows {@code wss} but not {@code http}; {@code
 * 'self'} and {@code *} allow both; a source without a scheme takes the page's scheme.
 * Hand-written scanning, no regular expressions (the header is untrusted text).
 */
public final class ContentSecurityPolicy {
  private final String text;
  private final Map<String, List<String>> directives;

  private ContentSecurityPolicy(String text, Map<String, List<String>> directives) {
    this.text = text;
    this.directives = directives;
  }

  /** The policies of one header value: several when the value joins them with commas. */
  public static List<ContentSecurityPolicy> parse(String headerValue) {
    List<ContentSecurityPolicy> out = new ArrayList<>();
    if (headerValue == null) {
      return out;
    }
    for (String policy : split(headerValue, ',')) {
      Map<String, List<String>> directives = new LinkedHashMap<>();
      for (String directive : split(policy, ';')) {
        List<String> tokens = words(directive);
        if (tokens.isEmpty()) {
          continue;
        }
        // the first occurrence of a directive wins; later duplicates are ignored (CSP3 2.2.1)
        directives.putIfAbsent(tokens.get(0).toLowerCase(Locale.ROOT), tokens.subList(1, tokens.size()));
      }
      if (!directives.isEmpty()) {
        out.add(new ContentSecurityPolicy(policy.trim(), directives));
      }
    }
    return out;
  }

  /**
   * The policies an HTML page declares in {@code <meta http-equiv="Content-Security-Policy"
   * content="...">} (looked for in the first 64 KiB, as a browser applies those in the head).
   */
  public static List<ContentSecurityPolicy> fromHtmlMeta(String html) {
    List<ContentSecurityPolicy> out = new ArrayList<>();
    if (html == null || html.isEmpty()) {
      return out;
    }
    String h = html.substring(0, Math.min(html.length(), 65536)).toLowerCase(Locale.ROOT);
    int i = 0;
    while ((i = h.indexOf("<meta", i)) >= 0) {
      int end = h.indexOf('>', i);
      if (end < 0) {
        break;
      }
      String tag = h.substring(i, end);
      if (tag.contains("content-security-policy") && !tag.contains("report-only")) {
        int c = tag.indexOf("content=");
        if (c >= 0 && c + 8 < tag.length()) {
          char q = tag.charAt(c + 8);
          int start = c + 9;
          int close = q == '"' || q == '\'' ? tag.indexOf(q, start) : -1;
          if (close > start) {
            // the original text, not the lower-cased copy: host names are case-insensitive, but
            // the evidence should show what the page says
            out.addAll(parse(html.substring(i + start, i + close)));
          }
        }
      }
      i = end;
    }
    return out;
  }

  /** The policy as written. */
  public String text() {
    return text;
  }

  /** The directive that governs connections: {@code connect-src}, else {@code default-src}. */
  public Optional<String> connectDirective() {
    if (directives.containsKey("connect-src")) {
      return Optional.of("connect-src");
    }
    return directives.containsKey("default-src") ? Optional.of("default-src") : Optional.empty();
  }

  /** The governing directive as written ({@code connect-src 'self' wss://x}), for evidence. */
  public Optional<String> connectDirectiveText() {
    return connectDirective().map(d -> (d + " " + String.join(" ", directives.get(d))).trim());
  }

  /**
   * Whether a page at {@code pageUrl} may connect to {@code url} ({@code fetch}, XHR, WebSocket)
   * under this policy. True when no directive governs connections.
   */
  public boolean allowsConnect(String url, String pageUrl) {
    Optional<String> d = connectDirective();
    if (d.isEmpty()) {
      return true;
    }
    Target target = Target.of(url);
    Target page = Target.of(pageUrl);
    if (target == null) {
      return true; // not a URL we can judge: never claim a block
    }
    for (String source : directives.get(d.get())) {
      if (matches(source, target, page)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(String source, Target url, Target page) {
    String s = source.toLowerCase(Locale.ROOT);
    if (s.equals("*")) {
      return url.scheme.equals("http") || url.scheme.equals("https") || url.scheme.equals("ws")
          || url.scheme.equals("wss") || (page != null && url.scheme.equals(page.scheme));
    }
    if (s.equals("'self'")) {
      return page != null && selfMatches(url, page);
    }
    if (s.startsWith("'")) {
      return false; // 'none', 'unsafe-inline', nonces, hashes: no URL matches them
    }
    int colon = s.indexOf(':');
    if (colon == s.length() - 1 && colon > 0 && s.indexOf('/') < 0) {
      return schemeMatches(s.substring(0, colon), url.scheme); // scheme-source "https:"
    }
    return hostSourceMatches(s, url, page);
  }

  /** CSP3 'self': same origin, or same host with a secure upgrade of scheme and default ports. */
  private static boolean selfMatches(Target url, Target page) {
    if (!url.host.equals(page.host)) {
      return false;
    }
    boolean samePort = url.port == page.port
        || (url.port == defaultPort(url.scheme) && page.port == defaultPort(page.scheme));
    if (url.scheme.equals(page.scheme) && url.port == page.port) {
      return true;
    }
    if (!samePort) {
      return false;
    }
    return url.scheme.equals("https") || url.scheme.equals("wss")
        || (page.scheme.equals("http") && (url.scheme.equals("http") || url.scheme.equals("ws")));
  }

  /** A source's scheme against a URL's: the same, or its secure upgrade (http→https, ws→wss). */
  private static boolean schemeMatches(String sourceScheme, String urlScheme) {
    return sourceScheme.equals(urlScheme)
        || (sourceScheme.equals("http") && urlScheme.equals("https"))
        || (sourceScheme.equals("ws") && urlScheme.equals("wss"));
  }

  private static boolean hostSourceMatches(String s, Target url, Target page) {
    String rest = s;
    String scheme = null;
    int sep = rest.indexOf("://");
    if (sep >= 0) {
      scheme = rest.substring(0, sep);
      rest = rest.substring(sep + 3);
    }
    if (scheme != null) {
      if (!schemeMatches(scheme, url.scheme)) {
        return false;
      }
    } else if (page == null || !schemeMatches(page.scheme, url.scheme)) {
      return false;
    }
    String path = null;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      path = rest.substring(slash);
      rest = rest.substring(0, slash);
    }
    String host = rest;
    String port = null;
    int pc = rest.lastIndexOf(':');
    if (pc >= 0 && rest.indexOf(']') < pc) {
      host = rest.substring(0, pc);
      port = rest.substring(pc + 1);
    }
    if (!hostMatches(host, url.host)) {
      return false;
    }
    if (!portMatches(port, scheme == null ? (page == null ? url.scheme : page.scheme) : scheme, url)) {
      return false;
    }
    return path == null || path.isEmpty() || pathMatches(path, url.path);
  }

  private static boolean hostMatches(String pattern, String host) {
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.startsWith("*.")) {
      return host.endsWith(pattern.substring(1)); // "*.example.com" matches sub.example.com only
    }
    return pattern.equals(host);
  }

  private static boolean portMatches(String port, String sourceScheme, Target url) {
    if (port == null || port.isEmpty()) {
      // no port: the default port of the source's scheme, or of the URL's upgraded scheme
      return url.port == defaultPort(sourceScheme) || url.port == defaultPort(url.scheme);
    }
    if (port.equals("*")) {
      return true;
    }
    try {
      int p = Integer.parseInt(port);
      // a port for http also allows the https default port when upgrading (CSP3 port-part match)
      return p == url.port || (p == 80 && url.port == 443 && url.scheme.equals("https"));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean pathMatches(String pattern, String path) {
    String p = path.isEmpty() ? "/" : path;
    return pattern.endsWith("/") ? p.startsWith(pattern) : p.equals(pattern);
  }

  private static int defaultPort(String scheme) {
    return switch (scheme) {
      case "http", "ws" -> 80;
      case "https", "wss" -> 443;
      default -> -1;
    };
  }

  private static List<String> split(String s, char c) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == c) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    return out;
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && isSpace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(s.substring(start, i));
      }
    }
    return out;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  /** The parts of a URL the matching needs (scheme, host, effective port, path). */
  private record Target(String scheme, String host, int port, String path) {
    static Target of(String url) {
      if (url == null) {
        return null;
      }
      try {
        URI u = URI.create(url.trim());
        if (u.getScheme() == null || u.getHost() == null) {
          return null;
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort() >= 0 ? u.getPort() : defaultPort(scheme);
        String path = u.getRawPath() == null ? "/" : u.getRawPath();
        return new Target(scheme, u.getHost().toLowerCase(Locale.ROOT), port, path);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
