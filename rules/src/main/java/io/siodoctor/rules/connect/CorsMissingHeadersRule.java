package io.siodoctor.rules.connect;

import io.siodoctor.parsers.capture.RedactionMarkers;
import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.signals.EngineIoErrors;
import io.siodoctor.rules.signals.NetErrors;
import io.siodoctor.rules.signals.Origins;
import io.siodoctor.rules.signals.ServerStacks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-origin polling requests whose answer lacks a usable {@code Access-Control-Allow-Origin}
 * (missing, another origin, or {@code *} on a request with credentials), or that the browser failed
 * as it does for CORS ({@code net::ERR_FAILED}). WebSockets are not subject to CORS and are ignored.
 */
@Cause(
    id = "cors-missing-headers",
    title = "The server does not send the CORS headers the browser needs",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/handling-cors/",
    subsumes = {"reconnect-storm", "server-unreachable"})
@Reads(
    records = {HttpExchange.class, LogLine.class},
    events = {LogEvent.CORS_BLOCKED, LogEvent.ORIGIN_NOT_ACCEPTED})
public final class CorsMissingHeadersRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> answered = new ArrayList<>();
    List<Evidence> failed = new ArrayList<>();
    Set<String> origins = new LinkedHashSet<>();
    // error answers (401, 500, 502...) often lack CORS headers because the server or proxy that
    // refused never adds them: the refusal is the first suspect, the missing header its consequence
    boolean onlyErrorAnswers = true;
    boolean successPassed = false;
    boolean onlyServerErrors = true;
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.isWebSocket() || "OPTIONS".equalsIgnoreCase(x.method()) && x.status() >= 200 && x.status() < 300
          && x.responseHeader("Access-Control-Allow-Origin").isPresent()) {
        continue;
      }
      if (!Origins.crossOrigin(incident, x)) {
        continue;
      }
      String page = Origins.pageOrigin(incident, x).orElse("?");
      Optional<String> allow = x.responseHeader("Access-Control-Allow-Origin");
      boolean refusedByTheBrowser = x.error() != null && NetErrors.corsLike(x.error());
      if (x.status() > 0 && !refusedByTheBrowser
          && (x.responseHeaders().isEmpty() || allow.filter(RedactionMarkers::isMarker).isPresent())) {
        // an answer exported without its headers (every real one has some), or with a sanitizer's
        // placeholder for the value, that the browser did not refuse: nothing shows a CORS failure
        continue;
      }
      if (x.status() > 0) {
        String why = problem(x, page, allow);
        if (why != null) {
          answered.add(Evidence.of(x, why));
          origins.add(page);
          onlyErrorAnswers &= x.status() >= 400;
          onlyServerErrors &= x.status() >= 500;
        } else if (x.status() >= 200 && x.status() < 300 && (x.error() == null || x.error().isBlank())) {
          successPassed = true;
        }
      } else if (x.failed() && NetErrors.corsLike(x.error())) {
        failed.add(Evidence.of(x, "cross-origin request from " + page + " failed as the browser fails CORS"));
        origins.add(page);
      }
    }
    List<Evidence> console = new ArrayList<>();
    incident.logLines(LogEvent.CORS_BLOCKED).forEach(l -> console.add(Evidence.of(l)));
    // python-engineio's own origin check: the server says which origin it refused
    List<HttpExchange> pythonRefusals = EngineIoErrors.withCode(incident, EngineIoError.ORIGIN_NOT_ACCEPTED);
    List<LogLine> pythonLog = incident.logLines(LogEvent.ORIGIN_NOT_ACCEPTED);
    for (HttpExchange x : pythonRefusals) {
      if (answered.stream().noneMatch(e -> e.location().equals(x.location()))) {
        answered.add(Evidence.of(x, "the server refused the origin: " + x.engineIoError().message()));
      }
    }
    for (LogLine l : pythonLog) {
      console.add(Evidence.of(l, "the server refused origin " + l.fact().text()));
      if (l.fact() instanceof LogFact.OriginRefused o) {
        origins.add(o.origin());
      }
    }
    boolean python = !pythonRefusals.isEmpty() || !pythonLog.isEmpty();
    if (!answered.isEmpty() && failed.isEmpty() && onlyServerErrors && !python) {
      // only 5xx answers: the server or proxy broke, and its error page carries no CORS headers
      // (netty-socketio's 500 for an unknown session, a proxy's 502/503); no CORS set-up evidence
      return Optional.empty();
    }
    if (!answered.isEmpty() && onlyErrorAnswers && successPassed && console.isEmpty() && !python
        && failed.isEmpty()) {
      // the server's normal answers pass CORS; only its error answers lack the headers: the error is
      // the first suspect and this is at most its consequence
      return Optional.of(Finding.of(0.4, evidence(answered)).withDetail("only error answers lack CORS headers; "
          + "the server's other answers pass CORS").withFix("Find why the server answered with an error first; "
          + "adding CORS headers to error answers only lets the browser show the error itself."));
    }
    if (answered.isEmpty() && failed.isEmpty() && console.isEmpty()) {
      return Optional.empty();
    }
    List<Evidence> evidence = new ArrayList<>(answered);
    evidence.addAll(failed);
    evidence.addAll(console);
    double confidence = !answered.isEmpty() ? 0.9 : !console.isEmpty() ? 0.9 : 0.7;
    if (!answered.isEmpty() && failed.isEmpty() && onlyErrorAnswers) {
      confidence = 0.6;
    }
    String origin = origins.isEmpty() ? "https://your-app.example" : origins.iterator().next();
    if (python) {
      return Optional.of(Finding.of(0.95, evidence)
          .withDetail("python-engineio refused the page origin " + String.join(", ", origins))
          .withFix("python-socketio / python-engineio checks the `Origin` header itself (same origin only by"
              + " default) and answers 400 without CORS headers. List the page's origin:\n\n```python\n"
              + "sio = socketio.AsyncServer(cors_allowed_origins=[\"" + origin + "\"])\n```\n"
              + "(Flask-SocketIO: `SocketIO(app, cors_allowed_origins=[...])`; `'*'` allows any origin.)"));
    }
    if (ServerStacks.nettySocketIo(incident)) {
      return Optional.of(Finding.of(confidence, evidence)
          .withDetail("page origin " + String.join(", ", origins) + "; the server is netty-socketio")
          .withFix("netty-socketio writes `Configuration.setOrigin(...)` as `Access-Control-Allow-Origin` on every"
              + " answer, whatever origin asked (one origin only); unset, it echoes the request's `Origin`, which"
              + " allows any page. Set it to the page's origin:\n\n```java\nconfig.setOrigin(\"" + origin
              + "\");\n```\nSeveral origins need a proxy in front that answers each allowed `Origin` with its own"
              + " value. A proxy that adds CORS headers of its own must not send a second copy."));
    }
    return Optional.of(Finding.of(confidence, evidence)
        .withDetail("page origin " + String.join(", ", origins))
        .withFix("Allow the page's origin on the Socket.IO server (v3+ sends no CORS headers by default):\n\n"
            + "```js\nconst io = new Server(httpServer, {\n  cors: { origin: \"" + origin + "\", credentials: true }\n});\n```\n"
            + "With `withCredentials: true` on the client the origin must be listed explicitly, never `*`."));
  }

  private static String problem(HttpExchange x, String page, Optional<String> allow) {
    if (allow.isEmpty()) {
      return "no Access-Control-Allow-Origin for origin " + page;
    }
    String value = allow.get().trim();
    if (value.equals("*")) {
      // a browser refuses an answer with "*" only for a request with credentials: with the Cookie
      // header sanitized away, the refusal itself (ERR_FAILED on a response that arrived) says so
      boolean credentials = x.requestHeader("Cookie").isPresent()
          || x.responseHeader("Access-Control-Allow-Credentials").map(v -> v.trim().equals("true")).orElse(false)
          || (x.error() != null && NetErrors.corsLike(x.error()));
      return credentials ? "Access-Control-Allow-Origin is * on a request with credentials" : null;
    }
    Optional<String> allowed = Origins.of(value);
    if (allowed.isPresent() && !allowed.get().equals(page)) {
      return "Access-Control-Allow-Origin is " + value + ", not the page origin " + page;
    }
    return null;
  }

  private static List<Evidence> evidence(List<Evidence> answered) {
    return new ArrayList<>(answered);
  }
}
