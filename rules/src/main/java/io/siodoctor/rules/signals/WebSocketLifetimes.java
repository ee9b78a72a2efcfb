package io.siodoctor.rules.signals;

import io.siodoctor.parsers.capture.Exporter;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.WebSocketConnection;
import java.time.Instant;
import java.util.Optional;

/** How long a WebSocket stayed open, where the HAR's exporter records it. */
public final class WebSocketLifetimes {
  private WebSocketLifetimes() {}

  /**
   * Whether this HAR's WebSocket {@code time} is the WebSocket's lifetime (Chromium DevTools,
   * Playwright) rather than only its handshake (Firefox, mitmproxy, Safari, Charles, Fiddler,
   * whose WebSockets can only be judged by what follows them).
   */
  public static boolean recordsLifetime(Incident incident, HttpExchange ws) {
    return incident.captureOf(ws).map(c -> {
      String e = c.exporter();
      return !(e.equals(Exporter.FIREFOX) || e.equals(Exporter.MITMPROXY) || e.equals(Exporter.SAFARI)
          || e.equals(Exporter.CHARLES) || e.equals(Exporter.FIDDLER));
    }).orElse(true);
  }

  /**
   * Until when an opened WebSocket was open (it closed, or the capture stopped), where the export
   * records its lifetime; empty otherwise.
   */
  public static Optional<Instant> openUntil(Incident incident, WebSocketConnection ws) {
    HttpExchange r = ws.request();
    if (!ws.opened() || r.time() == null || r.durationMs() <= 0 || !recordsLifetime(incident, r)) {
      return Optional.empty();
    }
    return Optional.ofNullable(r.ended());
  }
}
