package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.logs.LogUrls;
import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.signals.AccessLines;
import io.siodoctor.rules.signals.EvidenceList;
import io.siodoctor.rules.signals.Sessions;
import java.net.URI;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Something other than a Socket.IO server answers the Engine.IO polling URL with an ordinary web
 * answer: a 2xx HTML page (a single-page app's {@code index.html} fallback, a tunnel's warning
 * page, a login form), a redirect away from the Engine.IO URL (single sign-on, a login page, a
 * captive portal), 511 Network Authentication Required (a captive portal, RFC 6585), or
 * Cloudflare's challenge page ({@code cf-mitigated: challenge}, any status,
 * https://developers.cloudflare.com/cloudflare-challenges/challenge-types/challenge-pages/detect-response/). An
 * Engine.IO server never answers a polling request with HTML and never redirects. 404s stay
 * {@code wrong-path}; a WebSocket handshake answered with something else stays with the upgrade
 * rules.
 */
@Cause(
    id = "non-socketio-response",
    title = "A web page, not a Socket.IO server, answers the Socket.IO URL",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/troubleshooting-connection-issues/",
    subsumes = {"plain-websocket-server", "cors-missing-headers", "reconnect-storm",
        "websocket-only-no-fallback"})
@Reads(records = {HttpExchange.class, WsFrame.class, LogLine.class}, events = {LogEvent.CORS_BLOCKED, LogEvent.HTTP_ACCESS})
public final class NonSocketioResponseRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    EvidenceList evidence = new EvidenceList();
    Set<String> kinds = new LinkedHashSet<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.isWebSocket() || x.handshake() != null || x.engineIoError() != null) {
        continue;
      }
      int s = x.status();
      if (x.responseHeader("cf-mitigated").map(v -> v.trim().equalsIgnoreCase("challenge")).orElse(false)) {
        // Cloudflare's documented marker of a challenge page (Bot Fight Mode, WAF, Under Attack)
        evidence.add(x, s + " with Cloudflare's challenge page (cf-mitigated: challenge)");
        kinds.add("a Cloudflare challenge page");
      } else if (s == 511) {
        evidence.add(x, "511 Network Authentication Required: a captive portal");
        kinds.add("a captive portal (511)");
      } else if (s >= 200 && s < 300 && "GET".equalsIgnoreCase(x.method()) && isHtml(x)) {
        String title = title(x.responseBody());
        evidence.add(x, () -> s + " with an HTML page" + (title == null ? "" : " titled \"" + title + "\""));
        kinds.add("an HTML page (" + s + " text/html)");
      } else if (s >= 300 && s < 400 && s != 304) {
        Optional<String> target = redirectAway(x);
        if (target.isPresent()) {
          evidence.add(x, "redirected away from the Socket.IO URL, to " + target.get());
          kinds.add("a redirect to " + target.get());
        }
      }
    }
    for (LogLine l : incident.logLines(LogEvent.CORS_BLOCKED)) {
      Optional<String> target = redirectInConsole(l);
      if (target.isPresent()) {
        evidence.add(l, "the Socket.IO request was redirected to " + target.get());
        kinds.add("a redirect to " + target.get());
      }
    }
    redirectsInAccessLog(incident, evidence, kinds);
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    boolean handshakeElsewhere = Sessions.anyHandshake(incident);
    return Optional.of(evidence.finding(handshakeElsewhere ? 0.6 : 0.9)
        .withDetail("the Socket.IO polling URL was answered by " + String.join(", ", kinds)
            + (handshakeElsewhere ? "; other requests did reach a Socket.IO server" : "")));
  }

  /**
   * A proxy's access log, which keeps no {@code Location}: an Engine.IO handshake answered with a
   * redirect, and the same client's next request (within {@link #FOLLOW_S} s) a page that is no
   * Engine.IO request but carries the Engine.IO URL in its query, raw or escaped: the browser
   * followed the redirect to a login or portal page that will send it back. (A redirect that keeps
   * the Engine.IO URL, http to https say, is followed by an Engine.IO request.)
   */
  private static void redirectsInAccessLog(Incident incident, EvidenceList evidence, Set<String> kinds) {
    AccessLines access = AccessLines.of(incident);
    List<LogLine> redirected = access.engineIoHandshakes(s -> s >= 300 && s < 400 && s != 304);
    if (redirected.isEmpty()) {
      return;
    }
    List<LogLine> all = access.withStatus(s -> true);
    Map<LogLine, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      index.put(all.get(i), i);
    }
    int cited = 0;
    for (LogLine r : redirected) {
      HttpAccess a = r.access();
      for (int i = index.get(r) + 1; i < all.size(); i++) {
        LogLine next = all.get(i);
        HttpAccess n = next.access();
        if (r.time() != null && next.time() != null && next.time().isAfter(r.time().plusSeconds(FOLLOW_S))) {
          break;
        }
        if (!Objects.equals(n.clientIp(), a.clientIp()) || !Objects.equals(n.userAgent(), a.userAgent())) {
          continue;
        }
        if (n.engineIo() == null && carriesEngineIoUrl(n.url())) {
          String page = pathOf(n.url());
          if (cited++ < 3) {
            evidence.add(r, a.status() + " to the Socket.IO handshake");
            evidence.add(next, "the browser followed it to " + page + ", which carries the Socket.IO URL");
          }
          // the HAR's view of the same redirect names its host too: one kind for both
          if (kinds.stream().noneMatch(k -> k.startsWith("a redirect to ") && k.endsWith(page))) {
            kinds.add("a redirect to " + page);
          }
        }
        break;
      }
    }
  }

  /** How long after a redirect the browser's request for its target is looked for. */
  private static final long FOLLOW_S = 10;

  /** A request target whose query holds an Engine.IO URL's {@code EIO=}, as written or percent-escaped. */
  private static boolean carriesEngineIoUrl(String url) {
    int q = url == null ? -1 : url.indexOf('?');
    if (q < 0) {
      return false;
    }
    String query = url.substring(q + 1);
    return query.contains("EIO=") || query.contains("EIO%3D") || query.contains("EIO%3d");
  }

  private static String pathOf(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  /**
   * An HTML page: by its first bytes when the body is there (engine.io itself labels some answers
   * {@code text/html}, such as the {@code ok} to a POST), by its declared type when the exporter
   * left the body out.
   */
  private static boolean isHtml(HttpExchange x) {
    String b = x.responseBody();
    if (b.isEmpty()) {
      return x.responseMimeType().toLowerCase(Locale.ROOT).contains("html");
    }
    int i = 0;
    while (i < b.length() && i < 64 && Character.isWhitespace(b.charAt(i))) {
      i++;
    }
    String head = b.substring(i, Math.min(b.length(), i + 15)).toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head")
        || head.startsWith("<body") || head.startsWith("<title") || head.startsWith("<meta");
  }

  /** The page's {@code <title>} (first 8 KiB, at most 80 characters), or null. */
  private static String title(String body) {
    String head = body.substring(0, Math.min(body.length(), 8192));
    String lower = head.toLowerCase(Locale.ROOT);
    int open = lower.indexOf("<title");
    if (open < 0) {
      return null;
    }
    int start = lower.indexOf('>', open);
    int end = start < 0 ? -1 : lower.indexOf("</title", start);
    if (end < 0) {
      return null;
    }
    StringBuilder t = new StringBuilder();
    for (int i = start + 1; i < end && t.length() <= 80; i++) {
      char c = head.charAt(i);
      if (!Character.isWhitespace(c)) {
        t.append(c);
      } else if (t.length() > 0 && t.charAt(t.length() - 1) != ' ') {
        t.append(' ');
      }
    }
    String s = t.toString().strip();
    return s.isEmpty() ? null : s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /**
   * Where a redirect leads when that is not the Engine.IO URL again: another path, or the same
   * path without the Engine.IO query. A redirect that only changes scheme or host (http→https,
   * apex→www) or adds the trailing slash keeps the Engine.IO URL and is a proxy's ordinary answer.
   */
  private static Optional<String> redirectAway(HttpExchange x) {
    Optional<String> location = x.responseHeader("Location");
    if (location.isEmpty() || location.get().isBlank()) {
      return Optional.empty();
    }
    return redirectAway(x.url(), x.engineIo().path(), location.get());
  }

  /** {@link #redirectAway(HttpExchange)} for a redirect from {@code from} to {@code location}. */
  private static Optional<String> redirectAway(String from, String enginePath, String location) {
    try {
      URI target = URI.create(from.trim()).resolve(location.trim());
      EngineIoQuery q = LogUrls.query(target.toString());
      String path = target.getRawPath() == null ? "" : target.getRawPath();
      if (q != null && q.eio() != null && samePath(path, enginePath)) {
        return Optional.empty();
      }
      String where = (target.getHost() == null ? "" : target.getScheme() + "://" + target.getHost()
          + (target.getPort() < 0 ? "" : ":" + target.getPort())) + path;
      return Optional.of(where.isEmpty() ? location : where);
    } catch (IllegalArgumentException e) {
      return Optional.of(location);
    }
  }

  /**
   * Chrome's CORS message for a request that was redirected ({@code Access to XMLHttpRequest at
   * '<target>' (redirected from '<engine.io url>') ... has been blocked by CORS policy}): where the
   * Socket.IO request was sent when that is away from the Engine.IO URL.
   */
  private static Optional<String> redirectInConsole(LogLine l) {
    if (!(l.fact() instanceof LogFact.CorsRefused cors) || cors.redirectedFrom() == null) {
      return Optional.empty();
    }
    String target = cors.url();
    String from = cors.redirectedFrom();
    EngineIoQuery q = LogUrls.query(from);
    if (target == null || q == null || q.eio() == null) {
      return Optional.empty();
    }
    return redirectAway(from, q.path(), target);
  }

  private static boolean samePath(String a, String b) {
    String x = a.endsWith("/") ? a : a + "/";
    String y = b == null ? "/" : b.endsWith("/") ? b : b + "/";
    return x.equals(y);
  }
}
