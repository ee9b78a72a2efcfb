package io.siodoctor.rules.disconnect;

import io.siodoctor.parsers.engineio.SocketIoPacket;
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
import io.siodoctor.rules.api.PacketEvent;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.signals.HeartbeatGaps;
import io.siodoctor.rules.signals.Sessions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Socket.IO DISCONNECT packet sent by the server ({@code 41}, {@code 41/nsp,}): the application
 * called {@code socket.disconnect()}; the client does not reconnect on its own after it. Not one
 * that follows an overdue heartbeat within the heartbeat window ({@link HeartbeatGaps}):
 * netty-socketio ends a session whose heartbeat failed with a DISCONNECT per namespace (its
 * ping-timeout task calls disconnect()), and a page whose main thread was blocked receives the
 * held PING and that DISCONNECT together once it runs again.
 */
@Cause(
    id = "server-forced-disconnect",
    title = "The server application disconnected the socket on purpose",
    severity = Severity.WARNING,
    category = Category.GETS_DISCONNECTED,
    docs = "https://socket.io/docs/v4/server-socket-instance/#disconnect",
    subsumes = {"network-interruption"})
@Reads(records = {HttpExchange.class, WsFrame.class, LogLine.class}, events = {LogEvent.CLOSED})
public final class ServerForcedDisconnectRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    for (Session s : Sessions.withPackets(incident)) {
      boolean clientLeftFirst = false;
      for (PacketEvent p : s.packets()) {
        if (!p.packet().carries(SocketIoPacket.Type.DISCONNECT)) {
          continue;
        }
        if (p.fromClient()) {
          clientLeftFirst = true;
        } else if (!clientLeftFirst && HeartbeatGaps.overdueJustBefore(incident, s, p.time()).isEmpty()) {
          evidence.add(Evidence.of(p.source(), "DISCONNECT from the server for namespace "
              + p.packet().socketIo().namespace()));
          sids.add(s.sid());
          break;
        }
      }
    }
    for (LogLine l : incident.logLines(LogEvent.CLOSED)) {
      if (l.closedFor(CloseReason.SERVER_NAMESPACE_DISCONNECT) || l.closedFor(CloseReason.IO_SERVER_DISCONNECT)) {
        evidence.add(Evidence.of(l));
        if (l.sessionId() != null) {
          sids.add(l.sessionId());
        }
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Finding.of(0.9, evidence).withSessions(sids)
        .withDetail(sids.size() + " session(s) received a DISCONNECT from the server"));
  }
}
