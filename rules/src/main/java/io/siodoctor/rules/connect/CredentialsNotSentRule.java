package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFormat;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.ProxySetting;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.signals.Cookies;
import io.siodoctor.rules.signals.Origins;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-origin Socket.IO responses set a cookie (a load balancer's stickiness cookie, the app's
 * session cookie) that no later request to that origin ever sends back, and those later requests
 * fail ("Session ID unknown", 4xx, refused): the browser keeps or sends cookies cross-origin only
 * for requests made with credentials ({@code withCredentials: true}). The capture must show cookies
 * at all: an export that keeps {@code Set-Cookie} keeps {@code Cookie} too (Chrome's sanitized
 * export, which drops both, leaves this rule silent, never wrong). From a proxy log alone: HAProxy's
 * cookie flags {@code NI} (no cookie in the request, one inserted in the answer) on requests of an
 * existing session, some of them rejected.
 */
@Cause(
    id = "credentials-not-sent",
    title = "The browser does not send the cookies the connection depends on",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/client-options/#withcredentials",
    subsumes = {"sticky-session-missing", "reconnect-storm", "websocket-upgrade-blocked", "polling-only-config",
        "network-interruption"},
    settings = {ProxySetting.STICKINESS})
@Reads(records = {HttpExchange.class, LogLine.class}, events = {LogEvent.HTTP_ACCESS})
public final class CredentialsNotSentRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    List<String> seen = new ArrayList<>();
    // origin -> cookie name -> the first cross-origin response that set it
    Map<String, Map<String, HttpExchange>> setBy = new HashMap<>();
    Map<String, Integer> timesSet = new LinkedHashMap<>();
    Set<String> sentBack = new HashSet<>();
    List<HttpExchange> failing = new ArrayList<>();
    boolean unknownSid = false;
    for (HttpExchange x : incident.engineIoExchanges()) {
      Optional<String> origin = Origins.of(x.url());
      if (origin.isEmpty() || !Origins.crossOrigin(incident, x)) {
        continue;
      }
      Map<String, HttpExchange> known = setBy.getOrDefault(origin.get(), Map.of());
      Set<String> sent = Cookies.sent(x);
      boolean missing = false;
      for (String name : known.keySet()) {
        if (sent.contains(name)) {
          sentBack.add(origin.get() + " " + name);
        } else {
          missing = true;
        }
      }
      if (missing && failedAnswer(x)) {
        failing.add(x);
        unknownSid |= x.engineIoError() != null && x.engineIoError().code() == EngineIoError.UNKNOWN_SID;
      }
      for (String name : Cookies.set(x)) {
        setBy.computeIfAbsent(origin.get(), k -> new LinkedHashMap<>()).putIfAbsent(name, x);
        timesSet.merge(origin.get() + " " + name, 1, Integer::sum);
      }
    }
    // only cookies never sent back: one that some request carried does get through
    List<String> neverSent = new ArrayList<>();
    String why = null;
    boolean sameSiteOnly = false;
    for (Map.Entry<String, Map<String, HttpExchange>> o : setBy.entrySet()) {
      for (Map.Entry<String, HttpExchange> c : o.getValue().entrySet()) {
        String key = o.getKey() + " " + c.getKey();
        if (!sentBack.contains(key)) {
          neverSent.add(c.getKey());
          if (!failing.isEmpty()) {
            evidence.add(Evidence.of(c.getValue(), "sets cookie " + c.getKey() + " on a cross-origin response"));
            seen.add("cookie " + c.getKey() + " set by " + timesSet.get(key) + " cross-origin response(s) of "
                + o.getKey() + " and sent back by none");
            if (why == null) {
              boolean uncredentialed = answeredWithoutCredentials(c.getValue());
              boolean laxCrossSite = Origins.crossSite(incident, c.getValue())
                  && !sameSiteNone(Cookies.attributes(c.getValue(), c.getKey()));
              sameSiteOnly = laxCrossSite && !uncredentialed;
              why = uncredentialed ? NO_CREDENTIALS + (laxCrossSite ? "; " + LAX_CROSS_SITE : "")
                  : laxCrossSite ? LAX_CROSS_SITE : null;
            }
          }
        }
      }
    }
    if (!failing.isEmpty() && !neverSent.isEmpty()) {
      for (HttpExchange y : failing) {
        evidence.add(Evidence.of(y, "sent without cookie " + String.join(", ", neverSent)));
        y.sid().ifPresent(sids::add);
      }
      seen.add(failing.size() + " later request(s) without it failed"
          + (unknownSid ? " (\"Session ID unknown\": another server got them)" : ""));
      if (why != null) {
        seen.add(why);
      }
    } else {
      evidence.clear();
      seen.clear();
    }
    // the load balancer's view: a stickiness cookie inserted on requests of existing sessions
    List<LogLine> inserted = new ArrayList<>();
    int rejected = 0;
    for (LogLine l : incident.logLines(LogEvent.HTTP_ACCESS)) {
      if (l.format() == LogFormat.HAPROXY && l.sessionId() != null && noCookieInserted(l)) {
        inserted.add(l);
        if (l.access().status() == 400) {
          rejected++;
        }
      }
    }
    boolean fromLog = inserted.size() >= 2 && rejected > 0;
    if (fromLog) {
      int cited = 0;
      for (LogLine l : inserted) {
        if (l.access().status() == 400 || cited < 2 || sids.contains(l.sessionId())) {
          evidence.add(Evidence.of(l, "request of session " + l.sessionId() + " brought no stickiness cookie; HAProxy inserted one ("
              + l.access().terminationState() + ")"));
          sids.add(l.sessionId());
          if (++cited >= 8) {
            break;
          }
        }
      }
      seen.add("HAProxy got " + inserted.size() + " request(s) of existing sessions without its stickiness cookie ("
          + rejected + " answered 400)");
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    double confidence = !failing.isEmpty() ? (unknownSid ? 0.92 : 0.8) : 0.8;
    if (!failing.isEmpty() && fromLog) {
      confidence = 0.96;
    }
    Finding finding = Finding.of(confidence, evidence).withSessions(sids).withDetail(String.join("; ", seen));
    return Optional.of(sameSiteOnly && !failing.isEmpty() ? finding.withFix(SAME_SITE_FIX) : finding);
  }

  private static final String NO_CREDENTIALS = "its answers lack the `Access-Control-Allow-Credentials` header (`true`),"
      + " which the browser requires of every answer to a request made with credentials: the requests went without them";

  private static final String LAX_CROSS_SITE = "the page and the Socket.IO URL are on different sites and the cookie"
      + " is not `SameSite=None; Secure`: browsers that default to `SameSite=Lax` (Chrome, Edge and other Chromium"
      + " browsers) neither store nor send it on cross-site requests, with credentials or not";

  private static final String SAME_SITE_FIX = "The answers already allow credentials; the cookie is dropped because"
      + " the Socket.IO URL is on another site than the page and the cookie lacks `SameSite=None; Secure`. Mark it so"
      + " (the Socket.IO URL must then be https): HAProxy `cookie SERVERID insert indirect nocache attr"
      + " \"SameSite=None\" secure`, nginx `proxy_cookie_flags ~ secure samesite=none;`, engine.io `cookie: {"
      + " name: \"io\", sameSite: \"none\", secure: true }`, express-session `cookie: { sameSite: \"none\","
      + " secure: true }`. Or serve Socket.IO from a host of the page's own site (app.example.com and"
      + " io.example.com are one site, so `SameSite=Lax` cookies go with credentialed requests between them).";

  /**
   * The browser took this cross-origin answer (no error) though it carries no {@code
   * Access-Control-Allow-Credentials: true}: the request was made without credentials, since the
   * browser rejects such an answer to a credentialed one.
   */
  private static boolean answeredWithoutCredentials(HttpExchange x) {
    return x.status() > 0 && (x.error() == null || x.error().isEmpty())
        && !x.responseHeader("Access-Control-Allow-Credentials").map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
  }

  /** {@code Set-Cookie} attributes (lower-cased) with {@code SameSite=None} and {@code Secure}. */
  private static boolean sameSiteNone(String attributes) {
    boolean none = false;
    boolean secure = false;
    for (String a : attributes.split(";", -1)) {
      String t = a.strip();
      none |= t.replace(" ", "").equals("samesite=none");
      secure |= t.equals("secure");
    }
    return none && secure;
  }

  /** The request got an error answer, or none. */
  private static boolean failedAnswer(HttpExchange x) {
    return x.failed() || x.status() >= 400 || x.engineIoError() != null;
  }

  /**
   * HAProxy's cookie flags (3rd and 4th characters of the HTTP termination state): {@code N} no
   * cookie in the request, {@code I} a cookie inserted in the response.
   */
  private static boolean noCookieInserted(LogLine l) {
    String state = l.access() == null ? null : l.access().terminationState();
    return state != null && state.length() == 4 && state.charAt(2) == 'N' && state.charAt(3) == 'I';
  }
}
