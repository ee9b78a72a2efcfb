package io.siodoctor.parsers.record;

import java.time.Instant;
import java.util.Optional;

/**
 * One parsed unit of an input, with the place it came from. Parsers produce records; rules read
 * them; nothing downstream ever looks at the raw bytes again.
 */
public sealed interface Record permits HttpExchange, WsFrame, LogLine {

  SourceLocation location();

  /** When it happened, in UTC; {@code null} when the input did not say. */
  Instant time();

  /** The Engine.IO session id this record belongs to, when the record itself names it. */
  Optional<String> sid();

  /** One line that shows a person what happened here (not yet redacted). */
  String excerpt();
}
