package io.siodoctor.rules.signals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Idle and connection timeouts of common proxies and platforms, by their default period. */
public final class KnownTimeouts {
  private KnownTimeouts() {}

  private static final Map<Double, String> PROXIES = new LinkedHashMap<>();

  static {
    PROXIES.put(30.0, "the Google Cloud load balancer's 30 s backend timeout");
    PROXIES.put(55.0, "Heroku's 55 s idle window");
    PROXIES.put(60.0, "nginx proxy_read_timeout (60 s), Apache ProxyTimeout or the AWS ALB idle timeout (60 s)");
    PROXIES.put(100.0, "Cloudflare's 100 s WebSocket idle reset");
    PROXIES.put(120.0, "Cloudflare's 120 s proxy read timeout");
    PROXIES.put(600.0, "CloudFront's 10 min origin idle timeout");
    PROXIES.put(3600.0, "a one-hour maximum connection lifetime (load balancer or sticky cookie)");
  }

  public static Optional<String> proxyFor(Periodicity.Period period) {
    for (Map.Entry<Double, String> e : PROXIES.entrySet()) {
      if (period.near(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
