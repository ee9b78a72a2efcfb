package io.siodoctor.rules.api;

/**
 * How far a server log's clock is from the browser's, estimated from the sessions both saw: the
 * median of (server's handshake line − browser's handshake answer) over shared sids.
 *
 * @param applied whether the log's times were shifted by it (only when it is large enough to matter)
 */
public record ClockOffset(String file, long offsetMillis, int sharedSessions, boolean applied) {}
