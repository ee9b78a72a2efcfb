package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.SocketIoPacket;
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
import io.siodoctor.rules.signals.Sessions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Socket.IO CONNECT_ERROR from the server whose message is the application's (a middleware called
 * {@code next(err)}), as opposed to the library's own refusal of an unknown namespace (see {@link
 * InvalidNamespaceRule#refusal}).
 */
@Cause(
    id = "auth-rejected",
    title = "The application's connection middleware refused the client",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/middlewares/#handling-middleware-error",
    subsumes = {"reconnect-storm"})
@Reads(records = {HttpExchange.class, WsFrame.class, LogLine.class}, events = {LogEvent.CONNECT_ERROR_SENT})
public final class AuthRejectedRule implements Rule {

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    Set<String> messages = new LinkedHashSet<>();
    for (Session s : Sessions.withPackets(incident)) {
      for (PacketEvent p : s.packets()) {
        SocketIoPacket sio = p.packet().socketIo();
        if (p.fromServer() && sio != null && sio.type() == SocketIoPacket.Type.CONNECT_ERROR
            && InvalidNamespaceRule.refusal(sio, InvalidNamespaceRule.revision(s))
                == InvalidNamespaceRule.Refusal.APPLICATION) {
          evidence.add(Evidence.of(p.source(), "CONNECT_ERROR: " + sio.errorMessage()));
          sids.add(s.sid());
          if (sio.errorMessage() != null) {
            messages.add(sio.errorMessage());
          }
        }
      }
    }
    for (LogLine l : incident.logLines(LogEvent.CONNECT_ERROR_SENT)) {
      // a line showing the packet is judged as the packet is; the others name an application's refusal
      InvalidNamespaceRule.Refusal refusal = InvalidNamespaceRule.refusal(l, incident);
      if (refusal == null || refusal == InvalidNamespaceRule.Refusal.APPLICATION) {
        evidence.add(Evidence.of(l));
      }
    }
    // servers that refuse at the handshake itself: netty-socketio's AuthorizationListener and a
    // python-engineio connect handler answer the Engine.IO handshake with 401
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.status() == 401 && x.sid().isEmpty() && !x.isWebSocket()
          && x.responseHeader("WWW-Authenticate").isEmpty()) { // a proxy's HTTP authentication asks
        evidence.add(Evidence.of(x, "the server refused the handshake with 401"));
        messages.add("401 Unauthorized");
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Finding.of(0.9, evidence).withSessions(sids)
        .withDetail(messages.isEmpty() ? "the server sent CONNECT_ERROR"
            : "the server answered CONNECT with the error \"" + String.join("\", \"", messages) + "\""));
  }
}
