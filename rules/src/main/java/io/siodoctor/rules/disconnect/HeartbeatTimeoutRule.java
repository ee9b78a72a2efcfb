package io.siodoctor.rules.disconnect;

import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.Handshake;
import io.siodoctor.parsers.engineio.ProtocolRevision;
import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.NeedsSessionIdentity;
import io.siodoctor.rules.api.PacketEvent;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.signals.ClientPingTimeout;
import io.siodoctor.rules.signals.HeartbeatGaps;
import io.siodoctor.rules.signals.ServerHeartbeat;
import io.siodoctor.rules.signals.Sessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The heartbeat failed: a logged close reason {@code ping timeout}, or on the timeline a PING whose
 * PONG came later than {@code pingTimeout} (or never, before the session died), or a silence between
 * heartbeats longer than {@code pingInterval + pingTimeout}, or the client's own ping timer firing
 * while the connection stayed up. Who pings depends on the revision: the server in v4, the client in
 * v2/v3.
 */
@NeedsSessionIdentity
@Cause(
    id = "heartbeat-timeout",
    title = "The heartbeat failed: no PING/PONG within pingTimeout",
    severity = Severity.ERROR,
    category = Category.GETS_DISCONNECTED,
    docs = "https://socket.io/docs/v4/troubleshooting-connection-issues/#the-browser-tab-was-minimized-and-heartbeat-has-failed",
    subsumes = {"network-interruption", "fixed-interval-disconnect"})
@Reads(records = {HttpExchange.class, WsFrame.class, LogLine.class}, events = {LogEvent.CLOSED})
public final class HeartbeatTimeoutRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    List<String> details = new ArrayList<>();
    List<Stall> stalls = new ArrayList<>();
    // a server log's session has no packets: no heartbeat to time
    for (Session s : Sessions.withPackets(incident)) {
      // a session whose handshake the capture missed runs on its server's announced heartbeat
      Optional<Handshake> h = ServerHeartbeat.of(incident, s);
      if (h.isEmpty() || h.get().pingInterval() <= 0 || h.get().pingTimeout() <= 0) {
        continue;
      }
      boolean serverPings = s.clientRevision() == ProtocolRevision.EIO4;
      Optional<Stall> late = lateAnswer(s, h.get(), serverPings, incident, evidence);
      if (late.isEmpty()) {
        late = clientTimerFired(s, h.get(), serverPings, incident, evidence);
      }
      if (late.isPresent()) {
        sids.add(s.sid());
        details.add(late.get().detail());
        stalls.add(late.get());
      }
    }
    Set<String> closedLogged = new HashSet<>();
    for (LogLine l : incident.logLines(LogEvent.CLOSED)) {
      // one line per session: python-engineio logs its ping-timeout close twice (check_ping_timeout
      // runs again inside the close it starts)
      if (l.closedFor(CloseReason.PING_TIMEOUT) && (l.sessionId() == null || closedLogged.add(l.sessionId()))) {
        evidence.add(Evidence.of(l));
        if (l.sessionId() != null) {
          sids.add(l.sessionId());
        }
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    double confidence = details.isEmpty() ? 0.85 : 0.88;
    return Optional.of(Finding.of(confidence, evidence).withSessions(sids)
        .withDetail(details.isEmpty() ? "closed with reason \"ping timeout\"" : String.join("; ", details))
        .withFix(serverPingsFix(stalls)));
  }

  /**
   * A heartbeat that failed in one session: the handshake's values, who sends the PINGs, how long the
   * connection went without one (or without its answer), and the detail that says so.
   */
  record Stall(Handshake handshake, boolean serverPings, long millis, String detail) {}

  /** The suggested {@code pingTimeout} is rounded up to this. */
  private static final long SUGGESTION_STEP_MILLIS = 5_000;
  private static final long DEFAULT_PING_INTERVAL = 25_000;
  private static final long DEFAULT_PING_TIMEOUT = 20_000;

  /**
   * The fix for sessions whose server sends the PINGs (Engine.IO v4: Socket.IO v3 and v4), or null
   * (the catalog's fix, which leads with the upgrade that moved the PINGs to the server, fits v2).
   * Upgrading cannot help those: what stalled was the page, the device or the server, or the window
   * is shorter than the stalls the users have. The values seen and a {@code pingTimeout} that covers
   * the longest stall are named for each server stack.
   */
  static String serverPingsFix(List<Stall> stalls) {
    if (stalls.isEmpty() || stalls.stream().anyMatch(st -> !st.serverPings())) {
      return null;
    }
    Stall longest = stalls.get(0);
    for (Stall st : stalls) {
      if (st.millis() > longest.millis()) {
        longest = st;
      }
    }
    Handshake h = longest.handshake();
    long interval = Math.max(h.pingInterval(), DEFAULT_PING_INTERVAL);
    // the window (interval + timeout) must cover the longest stall seen, with room to spare
    long neededTimeout = longest.millis() + SUGGESTION_STEP_MILLIS - interval;
    long timeout = Math.max(Math.max(h.pingTimeout(), DEFAULT_PING_TIMEOUT),
        (neededTimeout + SUGGESTION_STEP_MILLIS - 1) / SUGGESTION_STEP_MILLIS * SUGGESTION_STEP_MILLIS);
    String seen = String.format(Locale.ROOT, "These sessions speak Engine.IO v4 (Socket.IO v3/v4): the server sends the"
        + " PINGs, so upgrading will not help. Their handshake sets `pingInterval` %d and `pingTimeout` %d (a %.1f s"
        + " window); the longest stall seen was %.1f s.", h.pingInterval(), h.pingTimeout(),
        h.heartbeatWindowMillis() / 1000.0, longest.millis() / 1000.0);
    String belowDefaults = h.pingInterval() < DEFAULT_PING_INTERVAL || h.pingTimeout() < DEFAULT_PING_TIMEOUT
        ? " These values are below the defaults (25000 and 20000)." : "";
    return seen + belowDefaults + "\n\n"
        + "- Find what stalled: long synchronous work on the page's main thread (DevTools Performance panel,"
        + " long tasks), a frozen or suspended tab or device, or a blocked server event loop.\n"
        + String.format(Locale.ROOT, "- Or give the heartbeat room for such stalls on the server:\n\n"
            + "```js\nconst io = new Server(httpServer, { pingInterval: %d, pingTimeout: %d });\n```\n"
            + "python-socketio: `socketio.AsyncServer(ping_interval=%s, ping_timeout=%s)` (seconds);"
            + " netty-socketio: `config.setPingInterval(%d); config.setPingTimeout(%d);`.",
            interval, timeout, seconds(interval), seconds(timeout), interval, timeout);
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
  }

  /**
   * The first heartbeat that was answered too late or not at all in this session. A PING still
   * unanswered when the capture stopped proves nothing.
   */
  private static Optional<Stall> lateAnswer(
      Session s, Handshake h, boolean serverPings, Incident incident, List<Evidence> evidence) {
    List<PacketEvent> packets = s.packets();
    PacketEvent lastPing = null;
    for (int i = 0; i < packets.size(); i++) {
      PacketEvent p = packets.get(i);
      if (p.time() != null && p.is(EngineIoPacket.Type.OPEN) && lastPing == null) {
        lastPing = p; // the first heartbeat is due pingInterval after the open packet
        continue;
      }
      if (p.time() == null || !p.is(EngineIoPacket.Type.PING) || p.packet().isProbe()
          || p.fromServer() != serverPings) {
        continue;
      }
      if (lastPing != null) {
        long silence = Duration.between(lastPing.time(), p.time()).toMillis();
        if (HeartbeatGaps.overdue(h, lastPing.time(), p.time())) {
          evidence.add(Evidence.of(lastPing.source(), lastPing.is(EngineIoPacket.Type.OPEN) ? "session opened" : "heartbeat"));
          evidence.add(Evidence.of(p.source(), String.format(Locale.ROOT,
              "next heartbeat %.1f s later (pingInterval + pingTimeout = %.1f s)",
              silence / 1000.0, h.heartbeatWindowMillis() / 1000.0)));
          return Optional.of(new Stall(h, serverPings, silence, String.format(Locale.ROOT,
              "%.1f s without a heartbeat in session %s", silence / 1000.0, s.sid())));
        }
      }
      lastPing = p;
      PacketEvent pong = null;
      for (int j = i + 1; j < packets.size(); j++) {
        PacketEvent q = packets.get(j);
        // a PONG in a POST that failed or was refused never reached the server: no answer
        if (q.is(EngineIoPacket.Type.PONG) && !q.packet().isProbe() && q.fromServer() != serverPings
            && q.received()) {
          pong = q;
          break;
        }
      }
      long limit = h.pingTimeout();
      if (pong != null && pong.time() != null) {
        long delay = Duration.between(p.time(), pong.time()).toMillis();
        if (delay > limit + 250) {
          evidence.add(Evidence.of(p.source(), "PING"));
          evidence.add(Evidence.of(pong.source(), String.format(Locale.ROOT,
              "PONG %.1f s after the PING; pingTimeout is %.1f s", delay / 1000.0, limit / 1000.0)));
          return Optional.of(new Stall(h, serverPings, delay, String.format(Locale.ROOT,
              "PONG %.1f s late in session %s (pingTimeout %.1f s)", delay / 1000.0, s.sid(), limit / 1000.0)));
        }
      } else if (pong == null && incident.end() != null
          && Duration.between(p.time(), incident.end()).toMillis() > limit + 1000
          && endedSoonAfter(s, p.time(), limit)) {
        evidence.add(Evidence.of(p.source(), "PING never answered; the session ended"));
        // the stall lasted at least until the session ended
        long stalled = Math.max(limit, Duration.between(p.time(), s.lastProvenAlive()).toMillis());
        return Optional.of(new Stall(h, serverPings, stalled, "a PING was never answered in session " + s.sid()));
      }
    }
    return Optional.empty();
  }

  /**
   * The client's ping timer fired while the connection stayed up: nothing came from the server for
   * pingInterval + pingTimeout, then the client's close packet reached the server, which still held
   * the session, and no request of the page failed with the network meanwhile. A silence the network
   * explains is the network's (the heartbeat only noticed it); a close the server refused or never
   * got proves no live connection (a restart, a black hole, the server's own timeout).
   */
  private static Optional<Stall> clientTimerFired(
      Session s, Handshake h, boolean serverPings, Incident incident, List<Evidence> evidence) {
    Optional<ClientPingTimeout> fired = ClientPingTimeout.of(s);
    if (fired.isEmpty() || !fired.get().closeReceived() || !fired.get().networkFailuresDuring(incident).isEmpty()) {
      return Optional.empty();
    }
    ClientPingTimeout t = fired.get();
    double silence = t.silenceMillis() / 1000.0;
    evidence.add(Evidence.of(t.lastFromServer().source(), "last packet from the server"));
    evidence.add(Evidence.of(t.close().source(), String.format(Locale.ROOT,
        "the client closed %.1f s later (pingInterval + pingTimeout = %.1f s): its ping timer fired; the server"
            + " answered the close", silence, h.heartbeatWindowMillis() / 1000.0)));
    return Optional.of(new Stall(h, serverPings, t.silenceMillis(), String.format(Locale.ROOT,
        "the client's ping timer fired in session %s: %.1f s without a packet from the server, the connection up",
        s.sid(), silence)));
  }

  /**
   * Nothing proves the session alive past {@code pingTimeout} (and a margin) after the PING ({@link
   * Session#lastProvenAlive()}): the heartbeat failed rather than its answer going unrecorded.
   * Requests left pending or aborted, or refused as naming an unknown session, are no such proof
   * however long they lasted: the browser cuts a poll only when the page goes away.
   */
  private static boolean endedSoonAfter(Session s, Instant ping, long pingTimeout) {
    Instant last = s.lastProvenAlive();
    return last != null && Duration.between(ping, last).toMillis() <= pingTimeout + 5000;
  }
}
