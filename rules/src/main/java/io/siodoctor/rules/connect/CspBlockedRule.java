package io.siodoctor.rules.connect;

import io.siodoctor.parsers.logs.LogUrls;
import io.siodoctor.parsers.record.ContentSecurityPolicy;
import io.siodoctor.parsers.record.Header;
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
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.api.UpgradeOutcome;
import io.siodoctor.rules.signals.EvidenceList;
import io.siodoctor.rules.signals.NetErrors;
import io.siodoctor.rules.signals.Origins;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The page's Content-Security-Policy does not allow the Socket.IO URL, so the browser blocks the
 * request before it is sent. Decisive: an Engine.IO request that got no answer (status 0) while
 * the policy of the page that made it ({@code Content-Security-Policy} response headers or a
 * {@code <meta http-equiv>}) excludes its URL under {@code connect-src}, else {@code default-src};
 * {@code net::ERR_BLOCKED_BY_CSP} / Playwright's {@code csp} on an Engine.IO request; a console
 * CSP violation naming an Engine.IO URL; a session that offered the WebSocket upgrade and never
 * tried it while the policy excludes the WebSocket form of its URL. Chrome's HAR leaves {@code
 * _error} empty for these, Firefox's records no reason at all (status 0, time 0, empty timings),
 * and a blocked {@code ws(s)://} leaves no entry at all, so the policy itself is the evidence.
 */
@Cause(
    id = "csp-blocked",
    title = "The page's Content-Security-Policy blocks the Socket.IO URL",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy/connect-src",
    subsumes = {"server-unreachable", "cors-missing-headers", "websocket-only-no-fallback",
        "reconnect-storm", "websocket-upgrade-blocked", "polling-only-config"})
@Reads(records = {HttpExchange.class, WsFrame.class, LogLine.class}, events = {LogEvent.CSP_BLOCKED})
public final class CspBlockedRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    EvidenceList evidence = new EvidenceList();
    Map<HttpExchange, List<ContentSecurityPolicy>> policies = new IdentityHashMap<>();
    Set<HttpExchange> citedPages = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<String> directives = new LinkedHashSet<>();
    Set<String> blockedOrigins = new LinkedHashSet<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.status() > 0) {
        continue; // answered: whatever the policy says, it was not blocked
      }
      if (NetErrors.blockedByCsp(x.error())) {
        evidence.add(x, "blocked by the page's Content-Security-Policy");
        Origins.of(x.url()).ifPresent(blockedOrigins::add);
        continue;
      }
      if (!NetErrors.noReason(x.error())) {
        continue; // failed for a reason of its own (refused, TLS, ...): the policy let it out
      }
      Optional<HttpExchange> page = pageOf(incident, x);
      if (page.isEmpty()) {
        continue;
      }
      List<ContentSecurityPolicy> ps = policies.computeIfAbsent(page.get(), CspBlockedRule::policiesOf);
      for (ContentSecurityPolicy p : ps) {
        if (!p.allowsConnect(x.url(), page.get().url())) {
          String directive = p.connectDirectiveText().orElse(p.text());
          if (citedPages.add(page.get())) {
            evidence.add(page.get(), "the page's Content-Security-Policy: " + directive);
          }
          evidence.add(x, "not allowed by " + directive);
          directives.add(directive);
          Origins.of(x.url()).ifPresent(blockedOrigins::add);
          break;
        }
      }
    }
    // a WebSocket the policy blocks leaves no HAR entry at all: a session that offered the upgrade
    // and never tried it, while the page's policy excludes the WebSocket form of its URL
    Set<String> stuckSessions = new LinkedHashSet<>();
    for (Session session : incident.sessions()) {
      Optional<HttpExchange> stuck = stayedOnPolling(incident, session);
      if (stuck.isEmpty()) {
        continue;
      }
      HttpExchange h = stuck.get();
      Optional<HttpExchange> page = pageOf(incident, h);
      String wsUrl = webSocketForm(h.url());
      if (page.isEmpty() || wsUrl == null) {
        continue;
      }
      for (ContentSecurityPolicy p : policies.computeIfAbsent(page.get(), CspBlockedRule::policiesOf)) {
        if (!p.allowsConnect(wsUrl, page.get().url())) {
          String directive = p.connectDirectiveText().orElse(p.text());
          if (citedPages.add(page.get())) {
            evidence.add(page.get(), "the page's Content-Security-Policy: " + directive);
          }
          evidence.add(h, "the upgrade to " + Origins.of(wsUrl).map(CspBlockedRule::webSocketForm).orElse(wsUrl)
              + " is not allowed by " + directive + ", so the session stays on long-polling");
          directives.add(directive);
          Origins.of(h.url()).ifPresent(blockedOrigins::add);
          stuckSessions.add(session.sid());
          break;
        }
      }
    }
    for (LogLine l : incident.logLines(LogEvent.CSP_BLOCKED)) {
      if (l.fact() instanceof LogFact.BlockedUrl b && LogUrls.query(b.url()) != null) {
        evidence.add(l);
        Origins.of(b.url()).ifPresent(blockedOrigins::add);
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    String detail = "the browser blocked Socket.IO requests to " + String.join(", ", blockedOrigins)
        + (directives.isEmpty() ? "" : "; the page's policy says `" + String.join("`, `", directives) + "`");
    // a blocked request or the browser's own message is proof; a missing upgrade alone could also be
    // a client forcing transports: ["polling"] under the same policy
    boolean inferredOnly = evidence.size() == stuckSessions.size() + citedPages.size();
    Finding finding = evidence.finding(inferredOnly ? 0.8 : 0.95).withDetail(detail).withFix(fix(blockedOrigins));
    return Optional.of(stuckSessions.isEmpty() ? finding : finding.withSessions(stuckSessions));
  }

  /**
   * A HAR session that stayed on long-polling without ever trying a WebSocket, and the request to
   * judge its WebSocket URL by: the handshake when it offered the upgrade; when the exporter left
   * the bodies out (no open packet), the first poll of a session that polled on for more than 3 s,
   * while no WebSocket appears anywhere in the capture.
   */
  private static Optional<HttpExchange> stayedOnPolling(Incident incident, Session session) {
    if (!session.webSockets().isEmpty() || incident.webSocketsLeftOut(session)) {
      return Optional.empty();
    }
    if (session.upgradeOutcome() == UpgradeOutcome.NOT_ATTEMPTED) {
      return session.handshakeRecord().filter(HttpExchange.class::isInstance).map(HttpExchange.class::cast);
    }
    List<HttpExchange> polls = session.exchanges();
    if (session.handshake().isPresent() || polls.size() < 3 || session.opened() == null
        || session.lastActivity() == null
        || Duration.between(session.opened(), session.lastActivity()).getSeconds() < 3
        || incident.engineIoExchanges().stream().anyMatch(HttpExchange::isWebSocket)) {
      return Optional.empty();
    }
    for (HttpExchange x : polls) {
      if (x.engineIo() == null || !x.engineIo().isPolling() || !x.responseBody().isEmpty()) {
        return Optional.empty();
      }
    }
    return polls.stream().filter(x -> x.status() >= 200 && x.status() < 300).findFirst();
  }

  /** The WebSocket form of an http(s) URL (ws/wss), or the URL itself when it already is one. */
  private static String webSocketForm(String url) {
    if (url.startsWith("https://")) {
      return "wss://" + url.substring(8);
    }
    if (url.startsWith("http://")) {
      return "ws://" + url.substring(7);
    }
    return url.startsWith("ws://") || url.startsWith("wss://") ? url : null;
  }

  private static String fix(Set<String> origins) {
    List<String> sources = new ArrayList<>();
    for (String o : origins) {
      sources.add(o);
      // polling uses http(s), the WebSocket ws(s): the policy must list both forms
      sources.add(o.startsWith("https://") ? "wss://" + o.substring(8) : "ws://" + o.substring(7));
    }
    return "Add the Socket.IO origin in both its HTTP and WebSocket forms to `connect-src`: `connect-src 'self' "
        + String.join(" ", sources) + "`.";
  }

  /**
   * The page that made a request: the document its Referer names, else the latest document of the
   * Referer's origin before it (cross-origin requests carry only the origin), else the first one.
   */
  private static Optional<HttpExchange> pageOf(Incident incident, HttpExchange x) {
    Optional<String> referer = x.requestHeader("Referer").map(CspBlockedRule::withoutFragment);
    Optional<String> refererOrigin = referer.flatMap(Origins::of);
    HttpExchange first = null;
    HttpExchange sameOrigin = null;
    for (HttpExchange e : incident.exchanges()) {
      if (!"document".equals(e.resourceType()) || e.status() < 200 || e.status() >= 300) {
        continue;
      }
      if (referer.isPresent() && withoutFragment(e.url()).equals(referer.get())) {
        return Optional.of(e);
      }
      if (refererOrigin.isPresent() && refererOrigin.equals(Origins.of(e.url()))
          && (e.time() == null || x.time() == null || !e.time().isAfter(x.time()))) {
        sameOrigin = e;
      }
      if (first == null) {
        first = e;
      }
    }
    return Optional.ofNullable(sameOrigin != null ? sameOrigin : first);
  }

  private static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  /** The enforced policies of a page: its Content-Security-Policy headers and meta tags. */
  private static List<ContentSecurityPolicy> policiesOf(HttpExchange page) {
    List<ContentSecurityPolicy> out = new ArrayList<>();
    for (Header h : page.responseHeaders()) {
      if (h.name().equalsIgnoreCase("Content-Security-Policy")) {
        out.addAll(ContentSecurityPolicy.parse(h.value()));
      }
    }
    if (page.responseMimeType().contains("html")) {
      out.addAll(ContentSecurityPolicy.fromHtmlMeta(page.responseBody()));
    }
    return out;
  }
}
