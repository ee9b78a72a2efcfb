package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * engine.io error code 3 on a request that is not a WebSocket upgrade of an existing session (that
 * case, TRANSPORT_MISMATCH, is a proxy dropping the Upgrade header: websocket-upgrade-blocked).
 * What is left: engine-level middleware ({@code io.engine.use}) refusing, an invalid Origin, a
 * WebSocket handshake without Upgrade.
 */
@Cause(
    id = "bad-request",
    title = "The server rejected a malformed request",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/troubleshooting-connection-issues/")
@Reads(records = {HttpExchange.class, LogLine.class}, events = {LogEvent.BAD_REQUEST})
public final class BadRequestRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    for (HttpExchange x : EngineIoErrors.withCode(incident, EngineIoError.BAD_REQUEST)) {
      boolean upgradeOfSession = x.engineIo().isWebSocket() && !x.engineIo().isHandshake();
      if (!upgradeOfSession) {
        evidence.add(Evidence.of(x));
      }
    }
    int answered = evidence.size();
    List<LogLine> logged = incident.logLines(LogEvent.BAD_REQUEST);
    logged.forEach(l -> evidence.add(Evidence.of(l)));
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    // the browser's answers and the server's lines are often the same refusals, seen from each side
    String detail = answered > 0
        ? "engine.io answered {\"code\":3,\"message\":\"Bad request\"} " + answered + " time(s)"
            + (logged.isEmpty() ? "" : "; the server's log names it " + logged.size() + " time(s)")
        : "the server logged error code 3 (Bad request) " + logged.size() + " time(s)";
    return Optional.of(Finding.of(0.85, evidence).withDetail(detail));
  }
}
