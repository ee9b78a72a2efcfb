package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Severity;

/** engine.io error code 2: a request without sid that is not a GET (a handshake must be a GET). */
@Cause(
    id = "bad-handshake-method",
    title = "The handshake was not a GET request",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/troubleshooting-connection-issues/")
@Reads(records = {HttpExchange.class, LogLine.class}, events = {LogEvent.BAD_HANDSHAKE_METHOD})
public final class BadHandshakeMethodRule extends EngineIoErrorCodeRule {
  public BadHandshakeMethodRule() {
    super(EngineIoError.BAD_HANDSHAKE_METHOD, LogEvent.BAD_HANDSHAKE_METHOD);
  }
}
