package io.siodoctor.rules.api;

import io.siodoctor.parsers.record.Record;
import java.time.Instant;

/**
 * The stretch of time a browser capture proves a session alive (see {@link Session#provenAlive()}).
 *
 * @param first the earliest record that proves it (for a session whose handshake the browser saw,
 *     usually that handshake)
 * @param from when {@code first} happened
 * @param to the last moment a record proves it alive: the answer to its last poll answered 2xx, its
 *     last WebSocket frame
 */
public record AliveSpan(Record first, Instant from, Instant to) {}
