package io.siodoctor.rules.connect;

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
import io.siodoctor.rules.signals.NetErrors;
import io.siodoctor.rules.signals.Origins;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An https page whose Socket.IO requests go to {@code http://} or {@code ws://} and fail: the
 * browser blocks mixed content before anything is sent.
 */
@Cause(
    id = "mixed-content",
    title = "An https page uses an insecure Socket.IO URL",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://developer.mozilla.org/en-US/docs/Web/Security/Mixed_content",
    subsumes = {"server-unreachable", "cors-missing-headers", "reconnect-storm", "websocket-only-no-fallback"})
@Reads(records = {HttpExchange.class, LogLine.class}, events = {LogEvent.MIXED_CONTENT_BLOCKED})
public final class MixedContentRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    for (HttpExchange x : incident.engineIoExchanges()) {
      boolean insecure = x.url().startsWith("http://") || x.url().startsWith("ws://");
      if (!insecure || x.status() != 0) {
        continue;
      }
      boolean pageSecure = Origins.pageOrigin(incident, x).map(o -> o.startsWith("https://")).orElse(false);
      // Chrome records a blocked request as status 0 with an empty _error: it never left the browser
      if (NetErrors.mixedContent(x.error()) || pageSecure) {
        evidence.add(Evidence.of(x, "insecure URL requested from an https page"));
      }
    }
    incident.logLines(LogEvent.MIXED_CONTENT_BLOCKED).forEach(l -> evidence.add(Evidence.of(l)));
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Finding.of(0.93, evidence));
  }
}
