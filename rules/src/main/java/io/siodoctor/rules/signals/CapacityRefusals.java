package io.siodoctor.rules.signals;

import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * 503s that a proxy or server gave because it was full, not because the upstream was down: the one
 * test of both {@code server-overloaded} (which cites them) and {@code server-unreachable} (which
 * must not read them as a down backend). A 503 says only "Service Unavailable" (RFC 9110 §15.6.4:
 * "temporary overload or scheduled maintenance"); a proxy writes the same page for a backend with
 * no server up and for servers at their connection limit (HAProxy's "No server is available to
 * handle this request." for {@code SC} and {@code sQ} alike). What tells them apart:
 *
 * <ul>
 *   <li>the proxy's own log line for the request ({@link LogEvent#PROXY_LIMIT_REFUSED}: HAProxy's
 *       termination state {@code sQ}, nginx's {@code limit_conn} / {@code limit_req} lines);
 *   <li>in the browser's capture alone, the server answering other Socket.IO requests of the same
 *       origin (or holding their WebSockets open) while that request waited for its 503: a proxy never holds a request for a backend
 *       that is down while the same backend answers others (a down server is refused or skipped at
 *       once; a connect timeout ends in 503/504 with nothing answered meanwhile), so the wait was
 *       for a free slot.
 * </ul>
 */
public final class CapacityRefusals {
  private CapacityRefusals() {}

  /** The proxies' log lines that say they refused a request for a limit of their own. */
  public static List<LogLine> logged(Incident incident) {
    return incident.logLines(LogEvent.PROXY_LIMIT_REFUSED);
  }

  /**
   * Whether a 503 says nothing about the backend being down: it was given for want of capacity
   * ({@link #refusedForCapacity}), or it is nginx's own error page. nginx answers an upstream it
   * cannot reach with 502 ({@code connect() failed}, {@code no live upstreams}) or 504 (timeouts);
   * its own 503 comes from {@code limit_conn} / {@code limit_req} (their default status) or a
   * configured {@code return 503}. Neither is an unreachable server; which one it was, only nginx's
   * error log says.
   */
  public static boolean notADownBackend(Incident incident, HttpExchange x) {
    return x.status() == 503 && (nginxOwnPage(x) || refusedForCapacity(incident, x));
  }

  /**
   * nginx's built-in error page ({@code ngx_http_special_response.c}): the status as title, and
   * {@code <hr><center>nginx} as its footer; a backend's own 503 passed through carries its own
   * body.
   */
  private static boolean nginxOwnPage(HttpExchange x) {
    String body = x.responseBody();
    return body.startsWith("<html>") && body.contains("<center><h1>" + x.status() + " ")
        && body.contains("<hr><center>nginx");
  }

  /**
   * Whether {@code x} is a 503 a proxy or server gave because it was full (see the class comment),
   * or the same 503 page from the same origin as one that was: a capture that does not show what
   * happened during every wait (a WebSocket's lifetime, its frames) still shows the same proxy
   * answering the same refusal.
   */
  public static boolean refusedForCapacity(Incident incident, HttpExchange x) {
    if (x.status() != 503) {
      return false;
    }
    if (shownFull(incident, x)) {
      return true;
    }
    if (x.responseBody().isEmpty()) {
      return false;
    }
    Optional<String> origin = Origins.of(x.url());
    for (HttpExchange y : incident.engineIoExchanges()) {
      if (y != x && y.status() == 503 && y.responseBody().equals(x.responseBody())
          && Origins.of(y.url()).equals(origin) && shownFull(incident, y)) {
        return true;
      }
    }
    return false;
  }

  private static boolean shownFull(Incident incident, HttpExchange x) {
    return loggedAs(incident, x).isPresent() || answeredDuring(incident, x);
  }

  /**
   * The proxy's own log line of this request among its limit refusals: same path and query, and the
   * same status where the line gives one (nginx's error line does not).
   */
  public static Optional<LogLine> loggedAs(Incident incident, HttpExchange x) {
    for (LogLine l : logged(incident)) {
      HttpAccess a = l.access();
      if (a != null && (a.status() < 0 || a.status() == x.status()) && a.url() != null && a.url().startsWith("/")
          && x.url().endsWith(a.url())) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether an access-log line is the answer to a request the proxy's error log says a limit
   * refused (nginx logs the refusal and the request's 503 in two files): same method and URL, an
   * error status.
   */
  public static boolean refusedForCapacity(Incident incident, HttpAccess line) {
    if (line.status() < 400 || line.url() == null) {
      return false;
    }
    for (LogLine l : logged(incident)) {
      HttpAccess a = l.access();
      if (a != null && a != line && a.status() < 0 && line.url().equals(a.url())
          && java.util.Objects.equals(line.method(), a.method())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The server answered another Engine.IO request of the same origin while {@code refused} waited for
   * its answer: a request that began and got a 2xx within that time, a WebSocket message received
   * within it, or a WebSocket the server accepted (101) that began within it or was still open when
   * the 503 came (a server process that stops closes its WebSockets with it, before any proxy could
   * find it down).
   */
  public static boolean answeredDuring(Incident incident, HttpExchange refused) {
    Instant from = refused.time();
    Instant to = refused.ended();
    Optional<String> origin = Origins.of(refused.url());
    if (from == null || to == null || !to.isAfter(from) || origin.isEmpty()) {
      return false;
    }
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x == refused || x.time() == null || x.time().isAfter(to)) {
        continue;
      }
      boolean answered = x.isWebSocket()
          ? x.status() == 101 && (!x.time().isBefore(from) || !x.ended().isBefore(to))
          : x.status() >= 200 && x.status() < 300 && !x.time().isBefore(from) && !x.ended().isAfter(to);
      if (answered && Origins.of(x.url()).equals(origin)) {
        return true;
      }
    }
    for (WsFrame f : incident.frames()) {
      if (f.received() && f.time() != null && !f.time().isBefore(from) && !f.time().isAfter(to)
          && f.url() != null && Origins.of(f.url()).equals(origin)) {
        return true;
      }
    }
    return false;
  }
}
