package io.siodoctor.rules.signals;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.rules.api.Incident;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Origins of URLs and of the page that made a request, for CORS and mixed-content checks. */
public final class Origins {
  private Origins() {}

  /** {@code scheme://host[:port]} with ws/wss mapped to http/https and default ports dropped. */
  public static Optional<String> of(String url) {
    try {
      URI u = URI.create(url.trim());
      if (u.getScheme() == null || u.getHost() == null) {
        return Optional.empty();
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      scheme = scheme.equals("ws") ? "http" : scheme.equals("wss") ? "https" : scheme;
      int port = u.getPort();
      boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The origin of the page that sent a request: its {@code Origin} header, else its {@code Referer},
   * else the first document the capture loaded.
   */
  public static Optional<String> pageOrigin(Incident incident, HttpExchange x) {
    Optional<String> origin = x.requestHeader("Origin").filter(o -> !o.equals("null")).flatMap(Origins::of);
    if (origin.isPresent()) {
      return origin;
    }
    Optional<String> referer = x.requestHeader("Referer").flatMap(Origins::of);
    if (referer.isPresent()) {
      return referer;
    }
    return incident.exchanges().stream()
        .filter(e -> "document".equals(e.resourceType()))
        .findFirst()
        .flatMap(e -> of(e.url()));
  }

  public static boolean crossOrigin(Incident incident, HttpExchange x) {
    Optional<String> page = pageOrigin(incident, x);
    Optional<String> target = of(x.url());
    return page.isPresent() && target.isPresent() && !page.get().equals(target.get());
  }
}
