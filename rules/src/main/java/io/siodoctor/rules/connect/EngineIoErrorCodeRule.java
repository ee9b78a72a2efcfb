package io.siodoctor.rules.connect;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.signals.EngineIoErrors;
import java.util.List;
import java.util.Optional;

/**
 * The family of causes that engine.io names itself with an error code in its answer: the body
 * {@code {"code":N,"message":...}} is the server saying what it refused, so the confidence is high.
 * Each cause keeps its own class and {@code @Cause}.
 */
abstract class EngineIoErrorCodeRule implements Rule {
  private final int code;
  private final LogEvent logEvent;

  EngineIoErrorCodeRule(int code, LogEvent logEvent) {
    this.code = code;
    this.logEvent = logEvent;
  }

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = EngineIoErrors.evidence(incident, code, logEvent);
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    // the browser's answers and the server's lines are often the same refusals, seen from each side
    int logged = logEvent == null ? 0 : incident.logLines(logEvent).size();
    int answered = evidence.size() - logged;
    String detail = answered > 0 ? "engine.io answered with error code " + code + " " + answered + " time(s)"
        : "the server logged error code " + code + " " + logged + " time(s)";
    if (answered > 0 && logged > 0) {
      detail += "; the server's log names it " + logged + " time(s)";
    }
    return Optional.of(Finding.of(0.9, evidence).withDetail(detail));
  }
}
