package io.siodoctor.rules.signals;

import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.PacketEvent;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.SessionClose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A session the client gave up on because its ping timer fired: it wrote the Engine.IO close packet
 * with nothing from the server for pingInterval + pingTimeout before it (engine.io-client {@code
 * _resetPingTimeout}; {@link Session#closeInPackets()} says "ping timeout"). The timer only says the
 * server fell silent; what silenced it is told by what else happened meanwhile: the network failing
 * (the page's requests died offline or with the connection dropped), or nothing failing while the
 * server, still holding the session, answered the close.
 *
 * @param lastFromServer the last packet the browser recorded from the server before the close
 * @param close the client's close packet
 */
public record ClientPingTimeout(Session session, PacketEvent lastFromServer, PacketEvent close) {
  /** Rounding between a request's recorded failure and the close its error handler wrote. */
  private static final long SLACK_MS = 1000;

  /** The client's ping timer closing {@code s}, when its packets show one. */
  public static Optional<ClientPingTimeout> of(Session s) {
    Optional<SessionClose> c = s.closeInPackets();
    if (c.isEmpty() || c.get().time() == null || CloseReason.of(c.get().reason()) != CloseReason.PING_TIMEOUT) {
      return Optional.empty();
    }
    for (PacketEvent p : s.packets()) {
      if (p.fromClient() && p.is(EngineIoPacket.Type.CLOSE) && p.source() == c.get().record()) {
        PacketEvent close = p;
        return s.lastFromServer(p.time()).filter(last -> silenceRecorded(s, last.time(), close.time()))
            .map(last -> new ClientPingTimeout(s, last, close));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the records would show a packet the server sent between {@code from} and {@code to}: no
   * poll of the session was answered meanwhile (the server answers a poll only with packets, so an
   * answer without them is a body the export left out), and no WebSocket of the session opened
   * without its frames exported.
   */
  private static boolean silenceRecorded(Session s, Instant from, Instant to) {
    for (HttpExchange x : s.exchanges()) {
      if (x.isWebSocket() || x.time() == null || x.engineIo() == null || !x.engineIo().isPolling()
          || !"GET".equalsIgnoreCase(x.method()) || x.status() < 200 || x.status() >= 300) {
        continue;
      }
      Instant answered = x.ended();
      if (answered.isAfter(from) && !answered.isAfter(to)) {
        return false;
      }
    }
    return s.webSockets().stream().noneMatch(ws -> ws.opened() && ws.frames().isEmpty());
  }

  /** Milliseconds the server was silent before the client closed. */
  public long silenceMillis() {
    return java.time.Duration.between(lastFromServer.time(), close.time()).toMillis();
  }

  /**
   * The server received the close and still held the session (the POST answered 2xx): the connection
   * to the server was up when the timer fired, and the server had not dropped the session (a restart
   * or its own timeout would have refused it as an unknown sid).
   */
  public boolean closeReceived() {
    return close.received();
  }

  /**
   * Requests of the page that failed while the server was silent, from the last server packet to the
   * close, because the network did: the user's own network gone or changed (any request of the page:
   * the browser says so itself), or a Socket.IO request's connection dropped. Either explains the
   * silence, and the heartbeat only noticed it.
   */
  public List<HttpExchange> networkFailuresDuring(Incident incident) {
    List<HttpExchange> failed = new ArrayList<>();
    Instant to = close.time().plusMillis(SLACK_MS);
    for (HttpExchange x : incident.exchanges()) {
      if (!x.failed() || x.time() == null) {
        continue;
      }
      Instant ended = x.ended();
      boolean during = !ended.isBefore(lastFromServer.time()) && !ended.isAfter(to);
      boolean network = NetErrors.where(x.error()) == NetErrors.Place.USER_NETWORK
          || (x.engineIo() != null && NetErrors.dropped(x.error()));
      if (during && network) {
        failed.add(x);
      }
    }
    return failed;
  }
}
