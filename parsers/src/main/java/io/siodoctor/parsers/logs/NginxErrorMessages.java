package io.siodoctor.parsers.logs;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;

/**
 * Recognises nginx's proxy errors in its error log (the message after {@code pid#tid: *cid}):
 *
 * <ul>
 *   <li>{@link LogEvent#PROXY_UPSTREAM_UNAVAILABLE}: {@code connect() failed}, {@code connect() to
 *       ... failed}, {@code no live upstreams}, {@code upstream prematurely closed connection},
 *       {@code recv() failed ... while reading response header}, {@code upstream timed out ...
 *       while connecting to upstream};
 *   <li>{@link LogEvent#PROXY_UPSTREAM_TIMEOUT}: {@code upstream timed out} while reading the
 *       response (header or body) or sending the request;
 *   <li>{@link LogEvent#PROXY_UPGRADED_TIMEOUT}: {@code upstream timed out ... while proxying
 *       upgraded connection};
 *   <li>{@link LogEvent#PROXY_UPGRADED_CLOSED}: any other error {@code while proxying upgraded
 *       connection} ({@code client closed connection}, {@code recv() failed (104: ...)});
 *   <li>{@link LogEvent#PAYLOAD_TOO_LARGE}: {@code client intended to send too large body};
 *   <li>{@link LogEvent#PROXY_LIMIT_REFUSED}: {@code limiting connections by zone "z"} ({@code
 *       limit_conn}) and {@code limiting requests, excess: n by zone "z"} ({@code limit_req}): the
 *       request refused (503 unless {@code limit_conn_status} / {@code limit_req_status} say
 *       otherwise); its fact the directive and zone. Not their {@code dry run} forms (nothing
 *       refused) nor {@code delaying request} (served late, within {@code burst}).
 * </ul>
 *
 * The fact is the errno in parentheses ({@link LogFact.Errno}, {@code 111: Connection refused})
 * or, for a too-large body, the size. It states what a message says, never why.
 */
final class NginxErrorMessages {
  private NginxErrorMessages() {}

  /** Recognises one error-log message; {@code r} holds OTHER and no fact when it says nothing known. */
  static void recognise(String msg, EngineIoMessages.Result r) {
    r.reset();
    if (msg.indexOf("while proxying upgraded connection") >= 0) {
      r.set(msg.indexOf("upstream timed out") >= 0 ? LogEvent.PROXY_UPGRADED_TIMEOUT : LogEvent.PROXY_UPGRADED_CLOSED,
          LogFact.Errno.of(errno(msg)), null);
    } else if (msg.indexOf("upstream timed out") >= 0) {
      r.set(msg.indexOf("while connecting to upstream") >= 0
          ? LogEvent.PROXY_UPSTREAM_UNAVAILABLE : LogEvent.PROXY_UPSTREAM_TIMEOUT, LogFact.Errno.of(errno(msg)), null);
    } else if (msg.indexOf("connect() failed") >= 0
        || (msg.indexOf("connect() to ") >= 0 && msg.indexOf(" failed") >= 0)
        || msg.indexOf("no live upstreams") >= 0
        // only before the response header: "... while reading upstream" comes after an answer
        || (msg.indexOf("upstream prematurely closed connection") >= 0 && msg.indexOf("while reading upstream") < 0)
        || (msg.indexOf("failed (") >= 0 && msg.indexOf("while reading response header") >= 0)) {
      r.set(LogEvent.PROXY_UPSTREAM_UNAVAILABLE, LogFact.Errno.of(errno(msg)), null);
    } else if (msg.indexOf("limiting connections by zone \"") >= 0) {
      r.set(LogEvent.PROXY_LIMIT_REFUSED, LogFact.detail("limit_conn zone " + zone(msg)), null);
    } else if (msg.indexOf("limiting requests, excess: ") >= 0) {
      r.set(LogEvent.PROXY_LIMIT_REFUSED, LogFact.detail("limit_req zone " + zone(msg)), null);
    } else if (msg.indexOf("client intended to send too large body") >= 0) {
      int k = msg.indexOf("too large body: ");
      r.set(LogEvent.PAYLOAD_TOO_LARGE, k < 0 ? null : EngineIoMessages.word(msg, k + 16), null);
    }
  }

  /** The quoted zone name after {@code by zone }, quotes kept ({@code "perserver"}). */
  private static String zone(String msg) {
    int z = msg.indexOf("by zone \"");
    if (z < 0) {
      return "?";
    }
    int end = msg.indexOf('"', z + 9);
    return end < 0 ? "?" : msg.substring(z + 8, end + 1);
  }

  /** "111: Connection refused" from "connect() failed (111: Connection refused) while ...". */
  private static String errno(String msg) {
    int o = msg.indexOf(" (");
    while (o >= 0) {
      int c = msg.indexOf(')', o);
      if (c < 0) {
        return null;
      }
      if (o + 2 < c && Character.isDigit(msg.charAt(o + 2))) {
        return msg.substring(o + 2, c);
      }
      o = msg.indexOf(" (", o + 2);
    }
    return null;
  }
}
