package io.siodoctor.parsers.har;

import io.siodoctor.parsers.record.Header;
import io.siodoctor.parsers.record.Headers;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The browser's CORS check (Fetch standard, "CORS check") replayed on a polling answer, for exporters
 * that record what came over the network rather than what the page received. Firefox's HAR export
 * and proxies such as mitmproxy write a response the browser then rejected as a plain 200 with its
 * body; Chrome DevTools writes the same entry with {@code _error: "net::ERR_FAILED"} and no body,
 * Playwright with {@code status: -1, _failureText: "net::ERR_FAILED"}. The HAR parser gives such an
 * entry Chrome's error, so that every exporter says the same thing about it.
 *
 * <p>Only requests the browser itself marked as CORS requests are checked: those with an {@code
 * Origin} header naming another origin than the URL's. Pre-flights ({@code OPTIONS}) and WebSocket
 * handshakes (not subject to CORS) are left alone.
 */
final class CorsCheck {
  /** What Chrome writes for a response its CORS check rejected. */
  static final String CHROME_ERROR = "net::ERR_FAILED";

  private CorsCheck() {}

  /** Why the browser rejects this cross-origin answer, or empty when it passes or is not checked. */
  static Optional<String> rejection(String method, String url, List<Header> request, List<Header> response) {
    if ("OPTIONS".equalsIgnoreCase(method)) {
      return Optional.empty();
    }
    Optional<String> page = Headers.first(request, "origin").flatMap(CorsCheck::origin);
    Optional<String> target = origin(url);
    if (page.isEmpty() || target.isEmpty() || page.get().equals(target.get())) {
      return Optional.empty();
    }
    Optional<String> allow = Headers.first(response, "access-control-allow-origin").map(String::strip);
    if (allow.isEmpty()) {
      return Optional.of("no Access-Control-Allow-Origin for origin " + page.get());
    }
    // cookies go to another origin only in credentials mode "include" (withCredentials)
    boolean credentials = Headers.has(request, "cookie");
    if (allow.get().equals("*")) {
      return credentials
          ? Optional.of("Access-Control-Allow-Origin * on a request with credentials")
          : Optional.empty();
    }
    if (!allow.get().equals(page.get()) && !origin(allow.get()).equals(page)) {
      return Optional.of("Access-Control-Allow-Origin " + allow.get() + " is not the page origin " + page.get());
    }
    boolean allowsCredentials =
        Headers.first(response, "access-control-allow-credentials").map(v -> v.strip().equals("true")).orElse(false);
    if (credentials && !allowsCredentials) {
      return Optional.of("credentials sent without Access-Control-Allow-Credentials: true");
    }
    return Optional.empty();
  }

  /** {@code scheme://host[:port]}, ws/wss read as http/https, default ports dropped; empty when not a URL. */
  static Optional<String> origin(String url) {
    if (url == null || url.isBlank() || url.strip().equals("null")) {
      return Optional.empty();
    }
    try {
      URI u = URI.create(url.strip());
      if (u.getScheme() == null || u.getHost() == null) {
        return Optional.empty();
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      scheme = scheme.equals("ws") ? "http" : scheme.equals("wss") ? "https" : scheme;
      int port = u.getPort();
      boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
      return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
