package io.siodoctor.rules.signals;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Incident;
import java.util.ArrayList;
import java.util.List;

/** Look-ups of engine.io's own error answers ({@code {"code":N,...}}) and the log lines that match. */
public final class EngineIoErrors {
  private EngineIoErrors() {}

  public static List<HttpExchange> withCode(Incident incident, int code) {
    if (incident.engineIoExchanges().isEmpty()) {
      return List.of(); // a server log's chunk: six rules ask, no stream to set up
    }
    return incident.engineIoExchanges().stream()
        .filter(x -> x.engineIoError() != null && x.engineIoError().code() == code)
        .toList();
  }

  /** Evidence from the HAR exchanges with the code, then from server log lines with the event. */
  public static List<Evidence> evidence(Incident incident, int code, LogEvent logEvent) {
    List<Evidence> evidence = new ArrayList<>();
    for (HttpExchange x : withCode(incident, code)) {
      evidence.add(Evidence.of(x));
    }
    if (logEvent != null) {
      for (LogLine l : incident.logLines(logEvent)) {
        evidence.add(Evidence.of(l));
      }
    }
    return evidence;
  }
}
