package io.siodoctor.rules.connect;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
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
import io.siodoctor.rules.signals.NetErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Requests that failed on the certificate or the TLS handshake ({@code net::ERR_CERT_*}, {@code
 * ERR_SSL_*}, Firefox's {@code SEC_ERROR_*} / {@code MOZILLA_PKIX_ERROR_*}), or, where the exporter
 * records no error (Firefox's HAR), requests without an answer whose timings end in the TLS handshake.
 */
@Cause(
    id = "tls-error",
    title = "The TLS handshake or the server certificate failed",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/client-options/#ca",
    subsumes = {"server-unreachable", "websocket-only-no-fallback", "reconnect-storm"},
    settings = {ProxySetting.TLS})
@Reads(records = {HttpExchange.class, LogLine.class}, events = {LogEvent.NETWORK_ERROR})
public final class TlsErrorRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    boolean named = false;
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.status() != 0 || !NetErrors.tls(x.error())) {
        continue;
      }
      if (HttpExchange.NO_ANSWER_AFTER_TLS.equals(x.error())) {
        // Firefox records no reason: the timings say where it stopped, not why (certificate,
        // protocol, a middlebox closing the handshake)
        evidence.add(Evidence.of(x, "no answer, and its timings end in the TLS handshake (ssl "
            + "time, then no wait); the export records no error name"));
      } else {
        named = true;
        evidence.add(Evidence.of(x));
      }
    }
    for (LogLine l : incident.logLines(LogEvent.NETWORK_ERROR)) {
      if (NetErrors.tls(NetErrors.of(l))) {
        named = true;
        evidence.add(Evidence.of(l));
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Finding.of(named ? 0.95 : 0.8, evidence));
  }
}
