package io.siodoctor.rules.signals;

import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.HttpExchange;

/**
 * A long-poll a proxy cut: an Engine.IO polling GET of an open session (it names a sid) answered 504
 * Gateway Timeout after being held for a while, but before the heartbeat was due. The server holds
 * such a GET until it has a packet to send, a PING every {@code pingInterval} at the latest, so a
 * proxy whose read timeout (nginx {@code proxy_read_timeout}, HAProxy {@code timeout server}) is
 * shorter gives up first: the proxy's timer, not a server that was down. A 504 after the heartbeat
 * was due says the server did not answer in time, and stays an outage.
 */
public final class HeldPolls {
  /** A poll answered sooner was not held. */
  private static final double MIN_HELD_MS = 1000;
  /** socket.io's pingInterval when no handshake in the inputs says otherwise (v2, v3 and v4). */
  private static final long DEFAULT_PING_INTERVAL_MS = 25000;

  private HeldPolls() {}

  /** Whether the proxy's 504 ended this held poll before the server's heartbeat was due. */
  public static boolean cutByProxy(HttpExchange x, long pingIntervalMs) {
    return x.status() == 504 && heldBeforeHeartbeat(x.method(), x.engineIo(), x.durationMs(), pingIntervalMs);
  }

  /** {@link #cutByProxy(HttpExchange, long)} for a proxy's access-log line. */
  public static boolean cutByProxy(HttpAccess a, long pingIntervalMs) {
    return a.status() == 504 && heldBeforeHeartbeat(a.method(), a.engineIo(), a.durationMs(), pingIntervalMs);
  }

  private static boolean heldBeforeHeartbeat(String method, EngineIoQuery q, double ms, long pingIntervalMs) {
    long due = pingIntervalMs > 0 ? pingIntervalMs : DEFAULT_PING_INTERVAL_MS;
    return "GET".equals(method) && q != null && q.isPolling() && q.sid() != null && !q.sid().isEmpty()
        && ms >= MIN_HELD_MS && ms < due;
  }
}
