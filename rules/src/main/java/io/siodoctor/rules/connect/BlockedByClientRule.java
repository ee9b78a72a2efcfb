package io.siodoctor.rules.connect;

import io.siodoctor.parsers.logs.LogUrls;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.signals.EvidenceList;
import io.siodoctor.rules.signals.NetErrors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Engine.IO requests the browser refused to send: {@code net::ERR_BLOCKED_BY_CLIENT} (an
 * extension or content blocker matched the URL) or {@code net::ERR_BLOCKED_BY_ADMINISTRATOR} (an
 * enterprise URL policy). Chromium decides this before any connection is made, so the server never
 * sees the request. Only requests to a Socket.IO URL count: a blocker stopping the page's
 * analytics says nothing about the socket.
 */
@Cause(
    id = "blocked-by-client",
    title = "The browser (an extension or a policy) blocked the Socket.IO requests",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest",
    subsumes = {"server-unreachable", "websocket-only-no-fallback", "reconnect-storm",
        "websocket-upgrade-blocked"})
@Reads(
    records = {HttpExchange.class, LogLine.class},
    events = {LogEvent.NETWORK_ERROR, LogEvent.WEBSOCKET_FAILED})
public final class BlockedByClientRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    EvidenceList evidence = new EvidenceList();
    Set<String> codes = new LinkedHashSet<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.status() <= 0 && NetErrors.blockedByClient(x.error())) {
        evidence.add(x, "refused by the browser before it was sent");
        codes.add(NetErrors.code(x.error()));
      }
    }
    // older Chrome names the code in "WebSocket connection to '…' failed: Error in connection
    // establishment: net::ERR_BLOCKED_BY_CLIENT"
    List<LogLine> lines = new ArrayList<>(incident.logLines(LogEvent.NETWORK_ERROR));
    lines.addAll(incident.logLines(LogEvent.WEBSOCKET_FAILED));
    for (LogLine l : lines) {
      if (NetErrors.blockedByClient(NetErrors.of(l)) && namesEngineIoUrl(l)) {
        evidence.add(l);
        codes.add(NetErrors.code(NetErrors.of(l)));
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    boolean policy = codes.contains("ERR_BLOCKED_BY_ADMINISTRATOR");
    return Optional.of(evidence.finding(0.95)
        .withDetail(evidence.size() + " Socket.IO request(s) failed with " + String.join(" / ", codes)
            + (policy ? ": an administrator's URL policy blocks them" : ": a browser extension or content blocker blocks them")));
  }

  /**
   * The console line is about a Socket.IO request: its URL (Chrome writes {@code GET <url>
   * net::ERR_...}, or puts the URL where the source link goes) is an Engine.IO URL.
   */
  private static boolean namesEngineIoUrl(LogLine l) {
    if (LogUrls.query(NetErrors.urlOf(l)) != null) {
      return true;
    }
    // DevTools links "Failed to load resource" to the URL itself, sometimes shortened to its path
    String source = l.source();
    return source != null && LogUrls.query(source) != null;
  }
}
