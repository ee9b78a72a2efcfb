package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Severity;

/** engine.io error code 4 (HTTP 403): the server's {@code allowRequest} hook said no. */
@Cause(
    id = "request-forbidden",
    title = "The server's allowRequest hook refused the connection",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/server-options/#allowrequest")
@Reads(records = {HttpExchange.class, LogLine.class}, events = {LogEvent.REQUEST_FORBIDDEN})
public final class RequestForbiddenRule extends EngineIoErrorCodeRule {
  public RequestForbiddenRule() {
    super(EngineIoError.FORBIDDEN, LogEvent.REQUEST_FORBIDDEN);
  }
}
