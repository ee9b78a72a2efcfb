package io.siodoctor.analyzer.diff;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code diff} compares between a working and a failing capture: the Socket.IO facts that
 * decide whether a connection works. Declared in the order a difference is listed when it explains
 * no cause of the failing capture.
 */
public enum Aspect {
  SERVER_REVISION("server protocol revision", "the Engine.IO revision the server's open packet proves"),
  CLIENT_REVISION("client protocol revision", "the EIO= value the client sent"),
  UPGRADE("WebSocket upgrade", "what became of each WebSocket the browser opened"),
  NODES("server nodes that answered", "which node answered the requests of a session (from the logs)"),
  STATUSES("statuses and errors", "HTTP statuses, engine.io errors and network errors of Socket.IO requests"),
  CORS("CORS headers", "Access-Control-Allow-Origin / -Credentials on Socket.IO responses"),
  ORIGIN("origin", "whether the page talks to the Socket.IO server same-origin or cross-origin"),
  COOKIES("cookies sent", "names of the cookies sent with Socket.IO requests (never values)"),
  TRANSPORTS_TRIED("transports tried", "transport= values in the requests"),
  TRANSPORTS_USED("transports used", "transports that carried a session"),
  HANDSHAKE("handshake parameters", "upgrades, pingInterval, pingTimeout, maxPayload of the open packet"),
  PATH("path", "the Engine.IO path of the Socket.IO URL"),
  NAMESPACE("namespaces", "the namespaces the client connected to"),
  PROXIES("proxies", "Server and Via headers of Socket.IO responses"),
  DROPS("drops", "how sessions ended and after how long"),
  HOST("server URL", "scheme, host and port of the Socket.IO URL");

  private final String title;
  private final String meaning;

  Aspect(String title, String meaning) {
    this.title = title;
    this.meaning = meaning;
  }

  public String title() {
    return title;
  }

  public String meaning() {
    return meaning;
  }

  /** The JSON id: {@code server-revision}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * For each cause, the aspects whose difference explains it, most decisive first: the answer to
   * "what changed that makes this cause happen here and not there".
   */
  static final Map<String, List<Aspect>> EXPLAINS = Map.ofEntries(
      Map.entry("sticky-session-missing", List.of(NODES, STATUSES, COOKIES, PROXIES)),
      Map.entry("websocket-upgrade-blocked", List.of(UPGRADE, PROXIES, TRANSPORTS_USED, STATUSES)),
      Map.entry("websocket-only-no-fallback", List.of(UPGRADE, TRANSPORTS_TRIED, PROXIES, STATUSES)),
      Map.entry("transport-unknown", List.of(TRANSPORTS_TRIED, STATUSES, UPGRADE)),
      Map.entry("polling-only-config", List.of(HANDSHAKE, TRANSPORTS_USED, UPGRADE)),
      Map.entry("platform-no-websocket", List.of(UPGRADE, TRANSPORTS_USED, PROXIES)),
      Map.entry("version-mismatch", List.of(SERVER_REVISION, CLIENT_REVISION, HANDSHAKE, STATUSES)),
      Map.entry("plain-websocket-server", List.of(SERVER_REVISION, HANDSHAKE, STATUSES, PATH)),
      Map.entry("non-socketio-response", List.of(SERVER_REVISION, HANDSHAKE, STATUSES, PATH, HOST)),
      Map.entry("cors-missing-headers", List.of(CORS, ORIGIN, STATUSES)),
      Map.entry("credentials-not-sent", List.of(COOKIES, CORS, ORIGIN, STATUSES)),
      Map.entry("wrong-path", List.of(PATH, STATUSES)),
      Map.entry("wrong-server-url", List.of(HOST, PATH, STATUSES)),
      Map.entry("invalid-namespace", List.of(NAMESPACE, STATUSES)),
      Map.entry("mixed-content", List.of(HOST, STATUSES)),
      Map.entry("tls-error", List.of(HOST, STATUSES)),
      Map.entry("server-unreachable", List.of(STATUSES, HOST, PROXIES)),
      Map.entry("auth-rejected", List.of(STATUSES, COOKIES)),
      Map.entry("request-forbidden", List.of(STATUSES, ORIGIN, COOKIES)),
      Map.entry("bad-request", List.of(STATUSES)),
      Map.entry("bad-handshake-method", List.of(STATUSES)),
      Map.entry("payload-too-large", List.of(STATUSES, HANDSHAKE, DROPS)),
      Map.entry("heartbeat-timeout", List.of(DROPS, HANDSHAKE)),
      Map.entry("proxy-idle-timeout", List.of(DROPS, PROXIES)),
      Map.entry("network-interruption", List.of(DROPS, STATUSES)),
      Map.entry("fixed-interval-disconnect", List.of(DROPS, PROXIES)),
      Map.entry("server-restart", List.of(DROPS, STATUSES)),
      Map.entry("server-forced-disconnect", List.of(DROPS)),
      Map.entry("reconnect-storm", List.of(DROPS, STATUSES)),
      Map.entry("server-overloaded", List.of(STATUSES, DROPS)),
      Map.entry("blocked-by-client", List.of(STATUSES, UPGRADE)),
      Map.entry("client-proxy-interference", List.of(STATUSES, UPGRADE, PROXIES)),
      Map.entry("csp-blocked", List.of(STATUSES, HOST)));
}
