package io.siodoctor.rules.verdict;

import io.siodoctor.parsers.capture.MissingEvidence;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.WebSocketConnection;
import io.siodoctor.rules.signals.WebSocketLifetimes;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Positive evidence that Socket.IO worked: a session that opened and then did something. Bodies
 * are not needed: a sid in the URL of a request the server answered 2xx proves the server knew the
 * session, and a WebSocket answered 101 that no new handshake followed stayed open.
 */
final class HealthProof {
  private HealthProof() {}

  /**
   * Without frames, how long a WebSocket must have lasted to count as "stayed open": long enough
   * that a refusal, a CONNECT_ERROR or a disconnect right after connecting would have ended it
   * sooner, short enough for a short reproduction. (Chromium's HAR {@code time} of a WebSocket runs
   * until it closed or the capture stopped.)
   */
  private static final double STAYED_OPEN_MS = 3000;
  /** Log-only sessions whose later lines are searched for their sid (each search reads every line). */
  private static final int LOG_SESSIONS_TRIED = 20;

  /** Server-log events that only a live session produces. */
  private static final Set<LogEvent> ALIVE = Set.of(LogEvent.PING_SENT, LogEvent.PING_RECEIVED,
      LogEvent.PONG_RECEIVED, LogEvent.UPGRADE_DONE, LogEvent.PAYLOAD_WRITTEN, LogEvent.HTTP_REQUEST);

  /** The record that best shows a session opened and worked, if any. */
  static Optional<Record> of(Incident incident) {
    if (incident.sessionIdsUnknown()) {
      // requests of sessions the capture cannot tell apart: a failure of one may sit in any of them
      return Optional.empty();
    }
    // a browser capture that leaves out failed requests (Safari, mitmproxy) and holds nothing of a
    // session the server logged: the browser's requests of it may all have failed (a CORS rejection
    // after the server answered), so the server's view alone proves nothing
    boolean failuresHidden = incident.inputs().stream()
        .anyMatch(in -> in.capture() != null && in.capture().lacks(MissingEvidence.FAILED_REQUESTS));
    int logOnly = 0;
    for (Session s : incident.sessions()) {
      if (failuresHidden && s.exchanges().isEmpty() && s.webSockets().isEmpty()) {
        continue;
      }
      Optional<Record> r = worked(incident, s);
      if (r.isEmpty() && s.exchanges().isEmpty() && s.webSockets().isEmpty() && logOnly++ < LOG_SESSIONS_TRIED) {
        r = namedLater(incident, s);
      }
      if (r.isPresent()) {
        return r;
      }
    }
    for (WebSocketConnection ws : incident.webSockets()) {
      if (!incident.failuresLeftOut(ws.request()) && stayedOpen(incident, ws, null)) {
        return Optional.of(ws.request());
      }
    }
    return Optional.empty();
  }

  private static Optional<Record> worked(Incident incident, Session s) {
    // an export that leaves out failed and pending requests shows every session as working until
    // its records stop: what it holds proves nothing (logs of the same minutes still may)
    boolean harProves = s.exchanges().stream().noneMatch(incident::failuresLeftOut);
    HttpExchange lastOk = null;
    int answered = 0;
    for (HttpExchange x : s.exchanges()) {
      boolean carriesSid = x.engineIo() != null && x.engineIo().sid() != null && !x.engineIo().sid().isEmpty();
      if (carriesSid && x.status() >= 200 && x.status() < 300 && x.engineIoError() == null) {
        answered++;
        lastOk = x;
      }
    }
    boolean opened = s.handshake().isPresent();
    // a session that moved to WebSocket lives on there: its polls before the upgrade prove nothing later
    boolean upgraded = s.webSockets().stream().anyMatch(WebSocketConnection::opened);
    if (harProves && !upgraded && lastOk != null && (answered >= 2 || opened)) {
      return Optional.of(lastOk);
    }
    for (WebSocketConnection ws : s.webSockets()) {
      if (harProves && stayedOpen(incident, ws, s)) {
        return Optional.of(ws.request());
      }
    }
    if (opened || s.handshakeRecord().isPresent()) {
      // a server log alone: the session went on after its open packet (requests, pings, upgrade);
      // netty-socketio logs the handshake ("Handshake authorized") but not the open packet
      Instant at = s.handshakeRecord().map(Record::time).orElse(null);
      int alive = 0;
      int later = 0;
      LogLine last = null;
      for (LogLine l : s.logLines()) {
        if (ALIVE.contains(l.event())) {
          alive++;
          last = l;
        } else if (at != null && l.time() != null && l.time().isAfter(at) && l.event() != LogEvent.CLOSED) {
          later++;
          last = last == null ? l : last;
        }
      }
      if (alive >= 2 || (last != null && alive + later >= 3)) {
        return Optional.of(last);
      }
    }
    return Optional.empty();
  }

  /**
   * A server log alone: after the session's open packet, later lines name its sid (requests with it,
   * the application's own lines), not only its close. Most debug lines carry no sid of their own, so
   * {@link LogLine#namesSession} also finds it in their text; bounded by {@link #LOG_SESSIONS_TRIED} sessions.
   */
  private static Optional<Record> namedLater(Incident incident, Session s) {
    Instant at = s.handshakeRecord().map(Record::time).orElse(null);
    if (at == null) {
      // logs that write no open packet (python-socketio, netty-socketio) still log the new session
      at = s.logLines().stream().filter(l -> l.is(LogEvent.HANDSHAKE) || l.is(LogEvent.OPEN_SENT))
          .map(LogLine::time).filter(t -> t != null).findFirst().orElse(null);
    }
    if (at == null) {
      return Optional.empty();
    }
    Instant from = at.plusMillis(1);
    for (LogLine l : s.logLines()) {
      if (bookkeeping(l, s) && l.time() != null && l.time().isAfter(at)) {
        // the server's first line of its own about the session closes its handshake's answer
        // (netty's "channel inactive"): what it wrote before, it wrote whatever the client did
        from = l.time().isAfter(from) ? l.time() : from;
        break;
      }
    }
    // one later line naming the sid is enough: an error about it would be a failure symptom anyway
    for (LogLine l : incident.logLines()) {
      if (l.time() != null && l.time().isAfter(from) && l.event() != LogEvent.CLOSED
          && !bookkeeping(l, s) && l.namesSession(s.sid())) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /**
   * A line the server writes about a session on its own, whatever the client does: a parser made it
   * a session line of no event of its own (Node's {@code incoming connection with id}, written as the
   * handshake is answered; netty's {@code channel inactive}, written as any request's channel closes,
   * the handshake's own too). A browser that refused the handshake's answer (CORS) leaves such lines.
   */
  private static boolean bookkeeping(LogLine l, Session s) {
    return l.event() == LogEvent.OTHER && s.sid().equals(l.sessionId());
  }

  /**
   * A WebSocket to a Socket.IO URL answered 101 that carried Socket.IO traffic (when frames were
   * exported) or that no new handshake followed (when they were not, and its lifetime was at least
   * {@link #STAYED_OPEN_MS} or, where the HAR times only its handshake, {@code session}'s Socket.IO
   * CONNECT had been answered): it stayed open. {@code session} is null for a WebSocket of no session.
   */
  private static boolean stayedOpen(Incident incident, WebSocketConnection ws, Session session) {
    HttpExchange r = ws.request();
    if (r.engineIo() == null || !ws.opened() || !ws.errors().isEmpty()) {
      return false;
    }
    if (!ws.frames().isEmpty()) {
      long received = ws.frames().stream().filter(WsFrame::received).count();
      return ws.sentUpgrade() || received >= 2;
    }
    Instant at = r.time();
    if (r.status() != 101 || at == null
        || (WebSocketLifetimes.recordsLifetime(incident, r) && r.durationMs() < STAYED_OPEN_MS)) {
      return false;
    }
    if (!WebSocketLifetimes.recordsLifetime(incident, r) && (session == null || session.connectAnswer().isEmpty())) {
      // neither its messages nor its lifetime: a CONNECT_ERROR or a DISCONNECT sent over it right
      // away is followed by no new handshake either; only a Socket.IO connection the server had
      // accepted before (its CONNECT answered by polling) makes "no new handshake" mean it stayed open
      return false;
    }
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x != r && x.engineIo().isHandshake() && x.time() != null && x.time().isAfter(at)) {
        return false;
      }
    }
    return true;
  }
}
