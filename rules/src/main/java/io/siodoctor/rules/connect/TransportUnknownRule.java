package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Severity;

/** engine.io error code 0: the requested {@code transport} is not in the server's list. */
@Cause(
    id = "transport-unknown",
    title = "The server refuses the requested transport",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/server-options/#transports")
@Reads(records = {HttpExchange.class, LogLine.class}, events = {LogEvent.UNKNOWN_TRANSPORT})
public final class TransportUnknownRule extends EngineIoErrorCodeRule {
  public TransportUnknownRule() {
    super(EngineIoError.TRANSPORT_UNKNOWN, LogEvent.UNKNOWN_TRANSPORT);
  }
}
