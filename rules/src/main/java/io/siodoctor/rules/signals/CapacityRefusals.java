package io.siodoctor.rules.signals;

import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.parsers.ReadSet;
import io.siodoctor.rules.api.DerivedKey;
import io.siodoctor.rules.api.Incident;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

  /** What the index reads: requests, frames and the proxies' limit lines. */
  private static final ReadSet READS = ReadSet.of(List.of(HttpExchange.class, WsFrame.class, LogLine.class),
      List.of(LogEvent.PROXY_LIMIT_REFUSED));
  private static final DerivedKey<Index> KEY = DerivedKey.of("capacity-refusals", READS, Index::new);

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
    Index index = incident.derived(KEY);
    return index.shownFull.contains(x)
        || !x.responseBody().isEmpty() && index.fullPages.contains(page(x));
  }

  /**
   * The proxy's own log line of this request among its limit refusals: same path and query, and the
   * same status where the line gives one (nginx's error line does not).
   */
  public static Optional<LogLine> loggedAs(Incident incident, HttpExchange x) {
    return incident.derived(KEY).loggedAs(x);
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
    for (LogLine l : incident.derived(KEY).loggedByTarget.getOrDefault(line.url(), List.of())) {
      HttpAccess a = l.access();
      if (a != line && a.status() < 0 && Objects.equals(line.method(), a.method())) {
        return true;
      }
    }
    return false;
  }

  /** A 503 page as the same proxy gives it again: its origin and its body. */
  private static String page(HttpExchange x) {
    return Origins.of(x.url()).orElse("") + "\n" + x.responseBody();
  }

  /** The path and query of an absolute URL, as a proxy's log writes its request target. */
  private static String target(String url) {
    int scheme = url.indexOf("://");
    int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    return slash < 0 ? "/" : url.substring(slash);
  }

  /**
   * Once per incident (three rules ask about every 503, and a down backend's retry loop gives
   * thousands): the 503s shown full, their pages, and the limit lines by request target. What the
   * server answered meanwhile is looked up by time in per-origin sorted arrays rather than by a walk
   * over every request and frame for each 503.
   */
  private static final class Index {
    final Set<HttpExchange> shownFull = Collections.newSetFromMap(new IdentityHashMap<>());
    final Set<String> fullPages = new HashSet<>();
    final Map<String, List<LogLine>> loggedByTarget = new HashMap<>();
    private final Map<String, Answers> answersByOrigin = new HashMap<>();

    Index(Incident incident) {
      for (LogLine l : logged(incident)) {
        HttpAccess a = l.access();
        // by the target as logged; a HAR's request is looked up by its path and query, which start with '/'
        if (a != null && a.url() != null) {
          loggedByTarget.computeIfAbsent(a.url(), k -> new ArrayList<>()).add(l);
        }
      }
      List<HttpExchange> refusals = new ArrayList<>();
      for (HttpExchange x : incident.engineIoExchanges()) {
        if (x.status() == 503) {
          refusals.add(x);
        }
        if (x.time() != null) {
          Origins.of(x.url()).ifPresent(o -> answersByOrigin.computeIfAbsent(o, k -> new Answers()).add(x));
        }
      }
      if (refusals.isEmpty()) {
        return;
      }
      for (WsFrame f : incident.frames()) {
        if (f.received() && f.time() != null && f.url() != null) {
          Origins.of(f.url()).ifPresent(o -> answersByOrigin.computeIfAbsent(o, k -> new Answers()).frame(f));
        }
      }
      answersByOrigin.values().forEach(Answers::sort);
      for (HttpExchange x : refusals) {
        if (loggedAs(x).isPresent() || answeredDuring(x)) {
          shownFull.add(x);
          if (!x.responseBody().isEmpty()) {
            fullPages.add(page(x));
          }
        }
      }
    }

    Optional<LogLine> loggedAs(HttpExchange x) {
      for (LogLine l : loggedByTarget.getOrDefault(target(x.url()), List.of())) {
        int status = l.access().status();
        if (status < 0 || status == x.status()) {
          return Optional.of(l);
        }
      }
      return Optional.empty();
    }

    /**
     * The server answered another Engine.IO request of the same origin while {@code refused} waited
     * for its answer: a request that began and got a 2xx within that time, a WebSocket message
     * received within it, or a WebSocket the server accepted (101) that began within it or was
     * still open when the 503 came (a server process that stops closes its WebSockets with it,
     * before any proxy could find it down).
     */
    private boolean answeredDuring(HttpExchange refused) {
      Instant from = refused.time();
      Instant to = refused.ended();
      Optional<String> origin = Origins.of(refused.url());
      if (from == null || to == null || !to.isAfter(from) || origin.isEmpty()) {
        return false;
      }
      Answers a = answersByOrigin.get(origin.get());
      return a != null && a.during(refused, from, to);
    }
  }

  /** One origin's answers, sorted by start: 2xx requests, accepted WebSockets, received frames. */
  private static final class Answers {
    private final List<HttpExchange> ok = new ArrayList<>();
    private final List<HttpExchange> webSockets = new ArrayList<>();
    private final List<Instant> frameTimes = new ArrayList<>();

    void add(HttpExchange x) {
      if (x.isWebSocket() ? x.status() == 101 : x.status() >= 200 && x.status() < 300) {
        (x.isWebSocket() ? webSockets : ok).add(x);
      }
    }

    void frame(WsFrame f) {
      frameTimes.add(f.time());
    }

    void sort() {
      ok.sort(Comparator.comparing(HttpExchange::time));
      frameTimes.sort(Comparator.naturalOrder());
    }

    boolean during(HttpExchange refused, Instant from, Instant to) {
      // a 2xx that began and ended within the wait: those that began in it, from the first on
      for (int i = firstStartingAt(from); i < ok.size() && !ok.get(i).time().isAfter(to); i++) {
        HttpExchange x = ok.get(i);
        if (x != refused && !x.ended().isAfter(to)) {
          return true;
        }
      }
      for (HttpExchange ws : webSockets) {
        if (ws != refused && !ws.time().isAfter(to) && (!ws.time().isBefore(from) || !ws.ended().isBefore(to))) {
          return true;
        }
      }
      int k = Collections.binarySearch(frameTimes, from);
      int at = k >= 0 ? k : -k - 1;
      return at < frameTimes.size() && !frameTimes.get(at).isAfter(to);
    }

    private int firstStartingAt(Instant from) {
      int lo = 0;
      int hi = ok.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (ok.get(mid).time().isBefore(from)) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }
}
