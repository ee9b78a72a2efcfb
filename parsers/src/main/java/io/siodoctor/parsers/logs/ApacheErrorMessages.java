package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;

/**
 * Recognises Apache httpd 2.4's proxy messages by their AH numbers and texts (mod_proxy,
 * mod_proxy_http, mod_proxy_wstunnel sources): the backend refused or dropped the request, timed
 * out, or a tunnelled WebSocket broke or was closed by the idle timeout. States what a message
 * says; indexOf tests only.
 */
final class ApacheErrorMessages {
  private ApacheErrorMessages() {}

  /**
   * @param errno the {@code (70007)The timeout specified has expired} part before the message, or
   *     null
   */
  static boolean recognise(String m, String errno, EngineIoMessages.Result r) {
    r.reset();
    LogFact detail = LogFact.Errno.of(errno == null ? null : errnoDetail(errno));
    boolean timedOut = errno != null && (errno.startsWith("(70007)") || errno.contains("timed out")
        || errno.contains("timeout"));
    if (m.contains("AH01102") || m.contains("error reading status line from remote server")
        || m.contains("AH01110") || m.contains("AH01095")) {
      // the backend dropped, reset or outwaited ProxyTimeout before its status line
      r.set(timedOut ? LogEvent.PROXY_UPSTREAM_TIMEOUT : LogEvent.PROXY_UPSTREAM_UNAVAILABLE, detail, null);
      return true;
    }
    if (m.contains("AH00957") || m.contains("AH01114") || m.contains("AH00959") || m.contains("AH00940")
        || m.contains("failed to make connection to backend")
        || (m.contains("attempt to connect to") && m.contains("failed"))) {
      r.set(timedOut ? LogEvent.PROXY_UPSTREAM_TIMEOUT : LogEvent.PROXY_UPSTREAM_UNAVAILABLE, detail, null);
      return true;
    }
    if (m.contains("AH00898") || m.contains("Error reading from remote server")) {
      r.set(timedOut ? LogEvent.PROXY_UPSTREAM_TIMEOUT : LogEvent.PROXY_UPSTREAM_UNAVAILABLE, detail, null);
      return true;
    }
    if ((m.contains("AH10223") && m.contains("tunneling returns (504)")) || m.contains("AH10225")
        || m.contains("Tunnel timed out")) {
      // a tunnelled (upgraded) connection closed by the proxy's idle timer. httpd 2.4.47+'s tunnel
      // (proxy_util.c ap_proxy_tunnel_run, used by mod_proxy_http's upgrade=websocket) returns 504
      // only when its poll timed out, which it states at trace2 only (AH10213 "polling timed out")
      // and sums up at trace1 (AH10223, so in every log that has AH10213: one line per cut);
      // mod_proxy_wstunnel's ProxyWebsocketIdleTimeout (trunk) says AH10225 "Tunnel timed out"
      r.set(LogEvent.PROXY_UPGRADED_TIMEOUT, detail, null);
      return true;
    }
    if (m.contains("AH02447") || m.contains("AH02605") || m.contains("on backconn")) {
      // mod_proxy_wstunnel: "error on backconn", "err/hup on backconn": the tunnelled WebSocket broke
      r.set(LogEvent.PROXY_UPGRADED_CLOSED, detail, null);
      return true;
    }
    return false;
  }

  /** "(104)Connection reset by peer" → "104: Connection reset by peer", as nginx's errno detail. */
  static String errnoDetail(String errno) {
    int close = errno.indexOf(')');
    if (!errno.startsWith("(") || close < 2) {
      return errno;
    }
    return errno.substring(1, close) + ": " + errno.substring(close + 1).trim();
  }
}
