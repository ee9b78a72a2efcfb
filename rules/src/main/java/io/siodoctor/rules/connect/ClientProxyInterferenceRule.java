package io.siodoctor.rules.connect;

import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.api.WebSocketConnection;
import io.siodoctor.rules.signals.NetErrors;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A proxy on the user's side refused or broke the Socket.IO requests. Three views, each decisive on
 * its own: the browser's proxy errors on Socket.IO requests ({@code net::ERR_TUNNEL_CONNECTION_FAILED}
 * — "Establishing a tunnel via proxy server failed." on a WebSocket —, {@code
 * ERR_PROXY_CONNECTION_FAILED}, {@code ERR_CERT_KNOWN_INTERCEPTION_BLOCKED}); a proxy's own answer
 * to a Socket.IO request ({@code 407 Proxy Authentication Required}, which only a proxy sends, or an
 * error response carrying Squid's {@code X-Squid-Error}); and a forward proxy's log refusing the
 * tunnel ({@code TCP_DENIED/403 CONNECT host:port}) to a host the Socket.IO traffic goes to, or a
 * Socket.IO URL itself. The browser console's WebSocket and network errors of a Socket.IO session
 * count like the HAR's. A {@code Via} header alone proves nothing: reverse proxies and CDNs add it
 * too.
 */
@Cause(
    id = "client-proxy-interference",
    title = "A proxy or security software on the user's side blocks the connection",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/troubleshooting-connection-issues/",
    subsumes = {"websocket-upgrade-blocked", "websocket-only-no-fallback", "server-unreachable", "tls-error",
        "reconnect-storm"})
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.HTTP_ACCESS, LogEvent.NETWORK_ERROR, LogEvent.WEBSOCKET_FAILED})
public final class ClientProxyInterferenceRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    List<String> seen = new ArrayList<>();
    int browserErrors = 0;
    int proxyAnswers = 0;
    Set<String> socketHosts = new LinkedHashSet<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      hostPort(x.url()).ifPresent(socketHosts::add);
      String error = proxyError(incident, x);
      if (error != null) {
        evidence.add(Evidence.of(x, "the browser's proxy failed: " + error));
        x.sid().ifPresent(sids::add);
        browserErrors++;
      } else if (x.status() == 407 || (x.status() >= 400 && x.responseHeader("X-Squid-Error").isPresent())) {
        String what = x.status() == 407 ? "407 Proxy Authentication Required"
            : x.status() + " with X-Squid-Error: " + x.responseHeader("X-Squid-Error").orElse("");
        evidence.add(Evidence.of(x, "answered by a forward proxy: " + what));
        x.sid().ifPresent(sids::add);
        proxyAnswers++;
      }
    }
    // the browser console says the same (also when the HAR lost its WebSocket frames): lines of a
    // Socket.IO session (the sid of their URL) with a proxy error
    for (LogEvent e : List.of(LogEvent.WEBSOCKET_FAILED, LogEvent.NETWORK_ERROR)) {
      for (LogLine l : incident.logLines(e)) {
        if (l.sessionId() != null && NetErrors.userProxy(NetErrors.of(l)) && browserErrors < 20) {
          evidence.add(Evidence.of(l, "the browser's proxy failed: " + NetErrors.of(l)));
          sids.add(l.sessionId());
          browserErrors++;
        }
      }
    }
    if (browserErrors > 0) {
      seen.add(browserErrors + " Socket.IO request(s) failed in the browser's proxy");
    }
    if (proxyAnswers > 0) {
      seen.add(proxyAnswers + " Socket.IO request(s) answered by a forward proxy instead of the server");
    }
    // the forward proxy's own log
    List<LogLine> squid = new ArrayList<>();
    for (LogLine l : incident.logLines(LogEvent.HTTP_ACCESS)) {
      if (l.format() == LogFormat.SQUID_ACCESS && l.access() != null) {
        squid.add(l);
        // Squid strips query strings by default (strip_query_terms): the path says Socket.IO
        if (l.access().engineIo() != null || l.access().url().contains("/socket.io/")) {
          hostPort(l.access().url()).ifPresent(socketHosts::add);
        }
      }
    }
    int denied = 0;
    for (LogLine l : squid) {
      HttpAccess a = l.access();
      boolean refused = l.fact() instanceof LogFact.ProxyResult r && r.denied() || a.status() == 403 || a.status() == 407;
      if (!refused) {
        continue;
      }
      boolean socketIo = a.engineIo() != null
          || ("CONNECT".equals(a.method()) && socketHosts.contains(a.url().toLowerCase(Locale.ROOT)));
      if (socketIo) {
        evidence.add(Evidence.of(l, "the forward proxy refused " + ("CONNECT".equals(a.method())
            ? "the tunnel to " + a.url() : "a Socket.IO request") + " (" + l.fact().text() + "/" + a.status() + ")"));
        if (l.sessionId() != null) {
          sids.add(l.sessionId());
        }
        denied++;
      }
    }
    if (denied > 0) {
      seen.add("the forward proxy's log refused " + denied + " tunnel(s) or request(s) to the Socket.IO host");
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    double confidence = browserErrors > 0 || denied > 0 ? 0.9 : 0.85;
    if ((browserErrors > 0 || proxyAnswers > 0) && denied > 0) {
      confidence = 0.95;
    }
    evidence.sort(Evidence.BY_TIME);
    return Optional.of(Finding.of(confidence, evidence).withSessions(sids).withDetail(String.join("; ", seen)));
  }

  /** The proxy error of a request, from its {@code _error} or (WebSockets) its error frames. */
  private static String proxyError(Incident incident, HttpExchange x) {
    if (x.status() == 0 && NetErrors.userProxy(x.error())) {
      return x.error();
    }
    if (x.isWebSocket()) {
      Optional<WebSocketConnection> ws = incident.webSocketOf(x);
      if (ws.isPresent() && !ws.get().opened()) {
        for (WsFrame f : ws.get().errors()) {
          if (NetErrors.userProxy(f.data())) {
            return f.data();
          }
        }
      }
    }
    return null;
  }

  /**
   * {@code host:port} of a URL as a CONNECT names it (ws/http default to 80, wss/https to 443), or
   * of a {@code host:port} authority as it is.
   */
  static Optional<String> hostPort(String url) {
    try {
      if (!url.contains("://")) {
        return Optional.of(url.toLowerCase(Locale.ROOT));
      }
      URI u = URI.create(url.trim());
      if (u.getHost() == null || u.getScheme() == null) {
        return Optional.empty();
      }
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
      return Optional.of(u.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
