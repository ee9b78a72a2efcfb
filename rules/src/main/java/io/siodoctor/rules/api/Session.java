package io.siodoctor.rules.api;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.Handshake;
import io.siodoctor.parsers.engineio.ProtocolRevision;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Engine.IO session (one sid) as every input saw it: the handshake, the polling exchanges, the
 * WebSocket connections, the packets on one timeline, and the server log lines that name the sid.
 */
public final class Session {
  /** Rounding between a failed request's recorded end and the close its error handler wrote at once. */
  private static final long FAILURE_TO_CLOSE_SLACK_MS = 100;
  /** Timer and recording noise around the client's ping timer (pingInterval + pingTimeout). */
  private static final long PING_TIMER_SLACK_MS = 1000;
  /** engine.io's upgradeTimeout: the server ends a probe transport not upgraded within it. */
  private static final long UPGRADE_TIMEOUT_S = 10;
  private final String sid;
  private final Handshake handshake;
  private final Record handshakeRecord;
  private final List<HttpExchange> exchanges;
  private final List<WebSocketConnection> webSockets;
  private final List<PacketEvent> packets;
  private final List<LogLine> logLines;
  // computed on first use and kept: the rules ask for these many times per session, and sorting
  // sessions by opened() would otherwise rescan every record of each session per comparison
  private Instant opened;
  private Instant lastActivity;
  private Optional<AliveSpan> provenAlive;
  private Optional<Instant> lastProvenAlive;
  private UpgradeOutcome upgradeOutcome;

  public Session(
      String sid,
      Handshake handshake,
      Record handshakeRecord,
      List<HttpExchange> exchanges,
      List<WebSocketConnection> webSockets,
      List<PacketEvent> packets,
      List<LogLine> logLines) {
    this.sid = sid;
    this.handshake = handshake;
    this.handshakeRecord = handshakeRecord;
    this.exchanges = List.copyOf(exchanges);
    this.webSockets = List.copyOf(webSockets);
    List<PacketEvent> sorted = new ArrayList<>(packets);
    sorted.sort(Comparator.comparing(PacketEvent::time, Comparator.nullsLast(Comparator.naturalOrder())));
    this.packets = List.copyOf(sorted);
    this.logLines = List.copyOf(logLines);
  }

  /**
   * This session as a reader of {@code reads} sees it: only its records of the kinds read (a
   * WebSocket connection needs both {@code HttpExchange} and {@code WsFrame}), the handshake only
   * when its record is one of them; null when none remain. Its own lines are whole: a session's
   * lines are its facts, whatever their event.
   */
  public Session restrictedTo(ReadSet reads) {
    boolean xs = reads.reads(HttpExchange.class);
    boolean fs = reads.reads(WsFrame.class);
    boolean ls = reads.reads(LogLine.class);
    if (xs && fs && ls) {
      return this;
    }
    List<WebSocketConnection> ws = xs && fs ? webSockets : List.of();
    List<PacketEvent> ps = new ArrayList<>();
    for (PacketEvent p : packets) {
      if (p.source() instanceof HttpExchange ? xs : fs) {
        ps.add(p);
      }
    }
    List<HttpExchange> x = xs ? exchanges : List.of();
    List<LogLine> l = ls ? logLines : List.of();
    if (x.isEmpty() && ws.isEmpty() && ps.isEmpty() && l.isEmpty()) {
      return null;
    }
    boolean handshakeSeen = handshakeRecord != null && reads.reads(kindOf(handshakeRecord));
    return new Session(sid, handshakeSeen ? handshake : null, handshakeSeen ? handshakeRecord : null, x, ws, ps, l);
  }

  private static Class<? extends Record> kindOf(Record r) {
    return r instanceof HttpExchange ? HttpExchange.class : r instanceof WsFrame ? WsFrame.class : LogLine.class;
  }

  public String sid() {
    return sid;
  }

  public Optional<Handshake> handshake() {
    return Optional.ofNullable(handshake);
  }

  public Optional<Record> handshakeRecord() {
    return Optional.ofNullable(handshakeRecord);
  }

  /** Whether the browser's records hold the handshake (not only a server's log line of it). */
  public boolean handshakeSeenByBrowser() {
    return handshakeRecord != null && !(handshakeRecord instanceof LogLine);
  }

  public List<HttpExchange> exchanges() {
    return exchanges;
  }

  public List<WebSocketConnection> webSockets() {
    return webSockets;
  }

  /** Every Engine.IO packet of the session in time order, from polling bodies and frames. */
  public List<PacketEvent> packets() {
    return packets;
  }

  public List<LogLine> logLines() {
    return logLines;
  }

  /** The revision the client asked for ({@code EIO=} of its requests). */
  public ProtocolRevision clientRevision() {
    for (HttpExchange x : exchanges) {
      if (x.engineIo() != null && x.engineIo().revision() != ProtocolRevision.UNKNOWN) {
        return x.engineIo().revision();
      }
    }
    for (WebSocketConnection ws : webSockets) {
      if (ws.request().engineIo() != null) {
        return ws.request().engineIo().revision();
      }
    }
    return ProtocolRevision.UNKNOWN;
  }

  /**
   * The revision the server speaks, as far as its answers prove it: revision-3 framing (length
   * prefixes) or a Socket.IO CONNECT answer without sid (a 2.x server) mean 3; record-separated
   * payloads, a {@code maxPayload} in the handshake (engine.io 6.2+) or a CONNECT answer with a
   * sid (Socket.IO 3+) mean 4.
   */
  public ProtocolRevision serverRevision() {
    for (HttpExchange x : exchanges) {
      ProtocolRevision proven = x.responsePayload().provenRevision();
      if (proven != ProtocolRevision.UNKNOWN) {
        return proven;
      }
    }
    if (handshake != null && handshake.maxPayload() > 0) {
      return ProtocolRevision.EIO4;
    }
    return connectAnswer()
        .map(p -> p.packet().socketIo().socketId() != null ? ProtocolRevision.EIO4 : ProtocolRevision.EIO3)
        .orElse(ProtocolRevision.UNKNOWN);
  }

  /**
   * The server's Socket.IO CONNECT packet (its answer to the client's CONNECT, any namespace) when the
   * records hold one: the Socket.IO connection was established on this session.
   */
  public Optional<PacketEvent> connectAnswer() {
    for (PacketEvent p : packets) {
      if (p.fromServer() && p.packet().carries(io.siodoctor.parsers.engineio.SocketIoPacket.Type.CONNECT)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Transports the client used for this sid, in first-use order. */
  public Set<String> transports() {
    Set<String> t = new LinkedHashSet<>();
    for (HttpExchange x : exchanges) {
      if (x.engineIo() != null && x.engineIo().transport() != null) {
        t.add(x.engineIo().transport());
      }
    }
    for (WebSocketConnection ws : webSockets) {
      if (ws.opened()) {
        t.add("websocket");
      }
    }
    return t;
  }

  public Instant opened() {
    Instant o = opened;
    if (o == null) {
      o = handshakeRecord != null && handshakeRecord.time() != null ? handshakeRecord.time() : firstTime();
      opened = o;
    }
    return o;
  }

  private Instant firstTime() {
    Instant first = null;
    for (Record r : allRecords()) {
      if (r.time() != null && (first == null || r.time().isBefore(first))) {
        first = r.time();
      }
    }
    return first;
  }

  /**
   * The latest time anything of this session happened, every poll counted until it ended, however
   * it ended (answered, still pending when the capture stopped, aborted when the page went away):
   * the capture saw the client on this session until then. That is what "polled for N s without
   * trying a WebSocket" asks. It is no proof the session was alive: a poll left pending is cut only
   * when the page goes away, long after the session ended; ask {@link #lastProvenAlive()} for that.
   */
  public Instant lastActivity() {
    Instant last = lastActivity;
    if (last == null) {
      last = computeLastActivity();
      lastActivity = last;
    }
    return last;
  }

  private Instant computeLastActivity() {
    Instant last = null;
    for (Record r : allRecords()) {
      Instant t = r.time();
      if (r instanceof HttpExchange x && !x.isWebSocket()) {
        t = x.ended();
      }
      if (t != null && (last == null || t.isAfter(last))) {
        last = t;
      }
    }
    for (WebSocketConnection ws : webSockets) {
      Instant t = ws.lastActivity();
      if (t != null && (last == null || t.isAfter(last))) {
        last = t;
      }
    }
    return last;
  }

  /**
   * When the browser's own records prove the session alive: from the first to the last of those
   * only a live session gets (its handshake, a poll answered 2xx until its answer, a WebSocket that
   * opened and its frames); empty when none does. A session lives in one stretch, so anything
   * between two such records was alive too. The rest proves nothing past its start, if that: a
   * request refused (400 "Session ID unknown", "Invalid session") or never answered (status 0:
   * pending when the capture stopped, aborted, failed) outlives the session it names, since
   * engine.io-client leaves a poll pending when it closes a session and the browser cuts it only
   * when the page goes away; a server's log line is not the browser's record.
   */
  public Optional<AliveSpan> provenAlive() {
    Optional<AliveSpan> span = provenAlive;
    if (span == null) {
      span = computeProvenAlive();
      provenAlive = span;
    }
    return span;
  }

  private Optional<AliveSpan> computeProvenAlive() {
    List<Record> live = new ArrayList<>();
    if (handshakeSeenByBrowser()) {
      live.add(handshakeRecord);
    }
    for (HttpExchange x : exchanges) {
      if (!x.isWebSocket() && x.status() >= 200 && x.status() < 300) {
        live.add(x);
      }
    }
    for (WebSocketConnection ws : webSockets) {
      if (ws.opened()) {
        live.add(ws.request());
        for (WsFrame f : ws.frames()) {
          if (f.direction() != WsFrame.Direction.ERROR) {
            live.add(f);
          }
        }
      }
    }
    Record first = null;
    Instant from = null;
    Instant to = null;
    for (Record r : live) {
      Instant t = r.time();
      if (t == null) {
        continue;
      }
      // a poll's answer is the server holding the session until it answered
      Instant end = r instanceof HttpExchange x && !x.isWebSocket() ? x.ended() : t;
      if (from == null || t.isBefore(from)) {
        from = t;
        first = r;
      }
      if (to == null || end.isAfter(to)) {
        to = end;
      }
    }
    return from == null ? Optional.empty() : Optional.of(new AliveSpan(first, from, to));
  }

  /**
   * The last moment any input proves this session alive, or null when none does: the end of
   * {@link #provenAlive()} (the browser's records), or a later log line about the session. Log lines
   * that prove nothing are left out: the server refusing the sid as unknown (engine.io {@code
   * unknown sid}, python-engineio {@code Invalid session}), an access line of a request not answered
   * 2xx or 101 (a proxy logs the poll the page cut, 499, when the page goes away), and the browser
   * console's lines (the browser's failures, not the server's word).
   */
  public Instant lastProvenAlive() {
    Optional<Instant> last = lastProvenAlive;
    if (last == null) {
      Instant t = provenAlive().map(AliveSpan::to).orElse(null);
      for (LogLine l : logLines) {
        if (l.time() != null && (t == null || l.time().isAfter(t)) && provesAlive(l)) {
          t = l.time();
        }
      }
      last = Optional.ofNullable(t);
      lastProvenAlive = last;
    }
    return last.orElse(null);
  }

  private static boolean provesAlive(LogLine l) {
    if (l.is(LogEvent.UNKNOWN_SID) || l.format() == LogFormat.BROWSER_CONSOLE) {
      return false;
    }
    int status = l.access() == null ? 200 : l.access().status();
    return status == 101 || (status >= 200 && status < 300);
  }

  /** Every record of the session: exchanges, WebSocket handshakes and frames, log lines. */
  public List<Record> allRecords() {
    List<Record> all = new ArrayList<>(exchanges);
    for (WebSocketConnection ws : webSockets) {
      all.add(ws.request());
      all.addAll(ws.frames());
    }
    all.addAll(logLines);
    return all;
  }

  public UpgradeOutcome upgradeOutcome() {
    UpgradeOutcome u = upgradeOutcome;
    if (u == null) {
      u = computeUpgradeOutcome();
      upgradeOutcome = u;
    }
    return u;
  }

  private UpgradeOutcome computeUpgradeOutcome() {
    if (handshake == null) {
      return webSockets.isEmpty() ? UpgradeOutcome.UNKNOWN : UpgradeOutcome.WEBSOCKET_ONLY;
    }
    boolean startedOnWebSocket = webSockets.stream().anyMatch(ws -> ws.handshake() != null);
    if (startedOnWebSocket) {
      return UpgradeOutcome.WEBSOCKET_ONLY;
    }
    if (handshakeRecord instanceof LogLine line) {
      // only the server's view: its handshake request tells the transport, when it was logged
      if (line.access() == null || line.access().engineIo() == null) {
        return UpgradeOutcome.UNKNOWN;
      }
      if (line.access().engineIo().isWebSocket()) {
        return UpgradeOutcome.WEBSOCKET_ONLY;
      }
      if (!handshake.offersWebSocket()) {
        return UpgradeOutcome.NOT_OFFERED;
      }
      if (webSockets.isEmpty()) {
        return UpgradeOutcome.UNKNOWN;
      }
    }
    List<WebSocketConnection> upgrades = webSockets.stream().filter(WebSocketConnection::isUpgrade).toList();
    if (upgrades.isEmpty()) {
      return handshake.offersWebSocket() ? UpgradeOutcome.NOT_ATTEMPTED : UpgradeOutcome.NOT_OFFERED;
    }
    UpgradeOutcome best = UpgradeOutcome.REFUSED;
    for (WebSocketConnection ws : upgrades) {
      UpgradeOutcome o;
      if (!ws.opened()) {
        // a probe the client dropped itself ("closed before the connection is established") after
        // the server refused or ended the session is the client's decision, not a refusal
        o = ws.refused() && !clientGaveUp(ws) || pollingWentOnAfter(ws) ? UpgradeOutcome.REFUSED : UpgradeOutcome.UNKNOWN;
      } else if (ws.sentUpgrade()) {
        o = UpgradeOutcome.COMPLETED;
      } else if (ws.receivedProbeAnswer()) {
        // a client closing its session drops the upgrade it was about to finish: engine.io-client
        // sends 5 only once polling has paused, and a close in between ends the probe
        o = clientGaveUp(ws) ? UpgradeOutcome.UNKNOWN : UpgradeOutcome.NOT_COMPLETED;
      } else if (ws.frames().isEmpty() && !hasFramesExported()) {
        o = UpgradeOutcome.UNKNOWN; // Firefox/Safari HARs carry no frames: cannot tell
      } else if (!ws.sentProbe() || clientGaveUp(ws)) {
        o = UpgradeOutcome.UNKNOWN; // the client closed it before probing: its own decision
      } else {
        o = UpgradeOutcome.PROBE_UNANSWERED;
      }
      if (o.ordinal() > best.ordinal()) {
        best = o;
      }
    }
    return best;
  }

  /**
   * The session was being closed by the client side when the probe went unanswered or unfinished:
   * the server had refused or ended the Socket.IO connection, or the client sent the Engine.IO close packet, for
   * whatever reason (a failed request or its ping timer too: a closing session abandons its probe),
   * while the probe was in flight, before the server's upgradeTimeout (10 s) after it ended it. A
   * close later than that came after the probe had failed on its own, and does not explain it.
   */
  private boolean clientGaveUp(WebSocketConnection ws) {
    Instant probeEnded = ws.request().time() == null ? null : ws.request().time().plusSeconds(UPGRADE_TIMEOUT_S);
    for (PacketEvent p : packets) {
      if (probeEnded != null && p.time() != null && p.time().isAfter(probeEnded)) {
        continue;
      }
      if ((p.fromServer() && (p.packet().carries(io.siodoctor.parsers.engineio.SocketIoPacket.Type.CONNECT_ERROR)
          || p.packet().carries(io.siodoctor.parsers.engineio.SocketIoPacket.Type.DISCONNECT)))
          || (p.fromClient() && p.is(EngineIoPacket.Type.CLOSE))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a polling request of this session failed (an HTTP error or no answer) while an upgrade
   * WebSocket was open: engine.io-client sends the upgrade packet {@code 5} only once polling has
   * paused, which waits for the poll in flight ({@code polling.ts pause}); a poll that fails instead
   * closes the session ("transport error"), and the probe with it. An upgrade left {@link
   * UpgradeOutcome#NOT_COMPLETED} so did not fail: the session did, for what failed that poll.
   */
  public boolean pollFailedDuringUpgrade() {
    for (WebSocketConnection ws : webSockets) {
      if (ws.isUpgrade() && pollFailedDuring(ws)) {
        return true;
      }
    }
    return false;
  }

  private boolean pollFailedDuring(WebSocketConnection ws) {
    Instant opened = ws.request().time();
    Instant closed = ws.request().ended();
    if (opened == null || closed == null) {
      return false;
    }
    if (ws.lastActivity() != null && ws.lastActivity().isAfter(closed)) {
      closed = ws.lastActivity(); // exporters whose WebSocket time is the handshake's only
    }
    for (HttpExchange x : exchanges) {
      if (x.isWebSocket() || x.time() == null
          || (x.status() >= 200 && x.status() < 300 && (x.error() == null || x.error().isEmpty()))
          || x.pending()) {
        continue;
      }
      Instant ended = x.ended();
      if (ended.isAfter(opened) && !ended.isAfter(closed.plusMillis(FAILURE_TO_CLOSE_SLACK_MS))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A WebSocket with no answer recorded (some exporters write neither a status nor an error for a
   * refused handshake) while the client kept polling for longer than engine.io's upgradeTimeout
   * (10 s) after it: the upgrade did not happen.
   */
  private boolean pollingWentOnAfter(WebSocketConnection ws) {
    if (ws.request().time() == null) {
      return false;
    }
    java.time.Instant later = ws.request().time().plusSeconds(UPGRADE_TIMEOUT_S);
    return exchanges.stream().anyMatch(x -> x.engineIo() != null && x.engineIo().isPolling()
        && x.time() != null && x.time().isAfter(later));
  }

  private boolean hasFramesExported() {
    return webSockets.stream().anyMatch(ws -> !ws.frames().isEmpty());
  }

  /**
   * How the session ended: a logged close reason first (the server knows best), then what the
   * packets say, then the last activity when nothing says it.
   */
  public Optional<SessionClose> close() {
    for (LogLine l : logLines) {
      if (l.fact() instanceof LogFact.SessionClosed c) {
        return Optional.of(new SessionClose(l.time(), c.text(), l, false));
      }
    }
    return closeInPackets();
  }

  /**
   * How the packets say the session ended, whatever a server log says: the first DISCONNECT or
   * Engine.IO close packet, and the reason it implies ({@link #close()} without the logged reason).
   */
  public Optional<SessionClose> closeInPackets() {
    for (PacketEvent p : packets) {
      if (p.fromServer() && p.packet().carries(io.siodoctor.parsers.engineio.SocketIoPacket.Type.DISCONNECT)) {
        return Optional.of(new SessionClose(p.time(), "io server disconnect", p.source(), false));
      }
      if (p.fromClient() && p.packet().carries(io.siodoctor.parsers.engineio.SocketIoPacket.Type.DISCONNECT)) {
        return Optional.of(new SessionClose(p.time(), "io client disconnect", p.source(), false));
      }
      if (p.is(EngineIoPacket.Type.CLOSE)) {
        return Optional.of(new SessionClose(
            p.time(), p.fromServer() ? "transport close" : clientCloseReason(p), p.source(), false));
      }
    }
    return Optional.empty();
  }

  /**
   * Why the client wrote an Engine.IO close packet with no Socket.IO DISCONNECT before it. engine.io-client
   * closes its transport however the session ends ({@code socket.ts _onClose} calls {@code
   * transport.close()}), and an open polling transport then POSTs a close packet ({@code
   * transports/polling.ts doClose}). That is a choice of the application when socket.io-client's
   * {@code socket.disconnect()} sent its DISCONNECT first (the caller sees that one), or when the
   * server refused the Socket.IO connection (CONNECT_ERROR: the client destroys its socket and the
   * manager closes the engine without reconnecting). It is the client giving up on the session when
   * a request of the session failed before it ({@code _onError}: "transport error") or no packet came
   * for pingInterval + pingTimeout ({@code _resetPingTimeout}: "ping timeout"). A close the server
   * never received, with none of these before it, proves only that the client closed: no reason.
   */
  private String clientCloseReason(PacketEvent close) {
    if (close.time() == null) {
      return close.received() ? "io client disconnect" : null;
    }
    if (refusedBefore(close.time())) {
      return "io client disconnect";
    }
    if (requestFailedBefore(close)) {
      return "transport error";
    }
    if (heartbeatMissedBefore(close.time())) {
      return "ping timeout";
    }
    return close.received() ? "io client disconnect" : null;
  }

  private boolean refusedBefore(Instant t) {
    for (PacketEvent p : packets) {
      if (p.time() != null && p.time().isAfter(t)) {
        break;
      }
      if (p.fromServer() && p.packet().carries(io.siodoctor.parsers.engineio.SocketIoPacket.Type.CONNECT_ERROR)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A polling request of the session the client saw fail (no 2xx answer, or an error such as a CORS
   * rejection) before it wrote the close: engine.io-client closes on the first such failure. Requests
   * still hanging when the close was written (a held poll, cut when the page went away) do not count.
   */
  private boolean requestFailedBefore(PacketEvent close) {
    for (HttpExchange x : exchanges) {
      if (x == close.source() || x.isWebSocket() || x.time() == null
          || (x.status() >= 200 && x.status() < 300 && (x.error() == null || x.error().isEmpty()))) {
        continue;
      }
      Instant ended = x.ended();
      if (!ended.isAfter(close.time().plusMillis(FAILURE_TO_CLOSE_SLACK_MS))) {
        return true;
      }
    }
    return false;
  }

  /** Nothing came from the server for pingInterval + pingTimeout before {@code t}: the client's ping timer fired. */
  private boolean heartbeatMissedBefore(Instant t) {
    if (handshake == null || handshake.heartbeatWindowMillis() <= 0) {
      return false;
    }
    return lastFromServer(t).filter(last -> last.time()
        .plusMillis(handshake.heartbeatWindowMillis() - PING_TIMER_SLACK_MS).isBefore(t)).isPresent();
  }

  /** The last packet the browser recorded from the server at or before {@code t} (what resets the client's ping timer). */
  public Optional<PacketEvent> lastFromServer(Instant t) {
    PacketEvent last = null;
    for (PacketEvent p : packets) {
      if (p.time() != null && p.fromServer() && !p.time().isAfter(t)) {
        last = p;
      }
    }
    return Optional.ofNullable(last);
  }

  /**
   * The last moment before {@code t} the server is known to have heard from the client on this
   * session (what resets the server's ping timeout): the handshake, a POST the server answered 2xx,
   * a frame the client sent on a WebSocket. Read from the requests, not their packets, so a capture
   * without bodies still answers; a held poll is no word from the client.
   */
  public Optional<Instant> lastFromClient(Instant t) {
    Instant last = handshakeRecord == null ? null : handshakeRecord.time();
    if (last != null && !last.isBefore(t)) {
      last = null;
    }
    for (HttpExchange x : exchanges) {
      if ("POST".equals(x.method()) && x.status() >= 200 && x.status() < 300 && x.time() != null
          && x.time().isBefore(t) && (last == null || x.time().isAfter(last))) {
        last = x.time();
      }
    }
    for (WebSocketConnection ws : webSockets) {
      for (WsFrame f : ws.frames()) {
        if (f.direction() == WsFrame.Direction.SENT && f.time() != null && f.time().isBefore(t)
            && (last == null || f.time().isAfter(last))) {
          last = f.time();
        }
      }
    }
    return Optional.ofNullable(last);
  }

  /** Log lines per server node that named this sid (for multi-node correlation). */
  public Map<String, List<LogLine>> linesByNode() {
    Map<String, List<LogLine>> m = new LinkedHashMap<>();
    for (LogLine l : logLines) {
      m.computeIfAbsent(l.node() == null ? "?" : l.node(), k -> new ArrayList<>()).add(l);
    }
    return m;
  }

  @Override
  public String toString() {
    return "Session[" + sid + "]";
  }
}
