package io.siodoctor.rules.api;

import io.siodoctor.parsers.record.Record;
import java.time.Instant;

/**
 * How and when a session ended, as far as the inputs tell.
 *
 * @param reason a Socket.IO / Engine.IO reason string when one was logged or implied by a packet
 *     ({@code ping timeout}, {@code transport close}, {@code io server disconnect}, ...); null when
 *     nothing says why (a close packet the client wrote that never reached the server, with no failed
 *     request nor missed heartbeat before it)
 * @param inferred true when no input states the end: it was inferred from the last activity
 */
public record SessionClose(Instant time, String reason, Record record, boolean inferred) {}
