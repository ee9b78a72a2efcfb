package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.ProtocolRevision;
import io.siodoctor.parsers.engineio.SocketIoPacket;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
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
import io.siodoctor.rules.signals.ServerStacks;
import io.siodoctor.rules.signals.Sessions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The server refused a CONNECT because it has no such namespace (and no dynamic namespace
 * matches), told apart from an application's refusal by the packet: the library's own refusal,
 * socket.io's {@code {"message":"Invalid namespace"}} (client.ts, also netty-socketio), or in
 * protocol v5 a bare-string payload for a namespace other than the main one, which no
 * application refusal is (python-socketio 5 sends {@code 44/admin,"Unable to connect"} for a
 * namespace without handlers, and {@code {"message": ...}} objects for its connect handler's
 * refusals, as socket.io 3+ does for a middleware's).
 */
@Cause(
    id = "invalid-namespace",
    title = "The client joins a namespace the server never defined",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/namespaces/",
    subsumes = {"reconnect-storm"})
@Reads(records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.NAMESPACE_DENIED, LogEvent.CONNECT_ERROR_SENT})
public final class InvalidNamespaceRule implements Rule {

  /** Who refused a Socket.IO CONNECT, as far as the CONNECT_ERROR packet tells. */
  enum Refusal {
    /** The server library: the namespace does not exist there. */
    NO_SUCH_NAMESPACE,
    /** The application (a middleware, a connect handler). */
    APPLICATION,
    /** A bare-string refusal whose protocol revision is unknown: either of the two. */
    UNDECIDED
  }

  /**
   * Who sent the CONNECT_ERROR {@code p} in a session speaking {@code revision}: a bare-string
   * payload is every refusal in protocol v4 (revision 3 and before) but only a library's in v5.
   */
  static Refusal refusal(SocketIoPacket p, ProtocolRevision revision) {
    if (p.errorMessage() != null && p.errorMessage().trim().equalsIgnoreCase("Invalid namespace")) {
      return Refusal.NO_SUCH_NAMESPACE;
    }
    if (!p.errorIsBareString() || "/".equals(p.namespace())) {
      // the main namespace always exists (socket.io creates it, python-socketio accepts it by default)
      return Refusal.APPLICATION;
    }
    return switch (revision) {
      case EIO4 -> Refusal.NO_SUCH_NAMESPACE;
      case UNKNOWN -> Refusal.UNDECIDED;
      default -> Refusal.APPLICATION;
    };
  }

  /**
   * The revision a session speaks: what the server's answers prove, else what the client asked
   * for (in its requests, or in the access lines of a server log) and the server answered.
   */
  static ProtocolRevision revision(Session s) {
    ProtocolRevision server = s.serverRevision();
    if (server != ProtocolRevision.UNKNOWN) {
      return server;
    }
    ProtocolRevision client = s.clientRevision();
    if (client != ProtocolRevision.UNKNOWN) {
      return client;
    }
    for (LogLine l : s.logLines()) {
      if (l.access() != null && l.access().engineIo() != null
          && l.access().engineIo().revision() != ProtocolRevision.UNKNOWN) {
        return l.access().engineIo().revision();
      }
    }
    return ProtocolRevision.UNKNOWN;
  }

  /** Who sent the CONNECT_ERROR a server log line shows, or null when the line shows no packet. */
  static Refusal refusal(LogLine l, Incident incident) {
    if (!(l.fact() instanceof LogFact.ConnectErrorSent sent)) {
      return null;
    }
    ProtocolRevision revision = l.sessionId() == null ? ProtocolRevision.UNKNOWN
        : incident.session(l.sessionId()).map(InvalidNamespaceRule::revision).orElse(ProtocolRevision.UNKNOWN);
    return refusal(sent.packet(), revision);
  }

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    Set<String> namespaces = new LinkedHashSet<>();
    for (Session s : Sessions.withPackets(incident)) {
      for (PacketEvent p : s.packets()) {
        SocketIoPacket sio = p.packet().socketIo();
        if (p.fromServer() && sio != null && sio.type() == SocketIoPacket.Type.CONNECT_ERROR
            && refusal(sio, revision(s)) == Refusal.NO_SUCH_NAMESPACE) {
          evidence.add(Evidence.of(p.source(), "namespace " + sio.namespace()));
          sids.add(s.sid());
          namespaces.add(sio.namespace());
        }
      }
    }
    incident.logLines(LogEvent.NAMESPACE_DENIED).forEach(l -> {
      evidence.add(Evidence.of(l));
      if (l.fact() instanceof LogFact.NamespaceRefused r) {
        namespaces.add(r.namespace());
      }
    });
    for (LogLine l : incident.logLines(LogEvent.CONNECT_ERROR_SENT)) {
      if (refusal(l, incident) == Refusal.NO_SUCH_NAMESPACE) {
        SocketIoPacket sio = ((LogFact.ConnectErrorSent) l.fact()).packet();
        evidence.add(Evidence.of(l, "namespace " + sio.namespace()));
        namespaces.add(sio.namespace());
        if (l.sessionId() != null) {
          sids.add(l.sessionId());
        }
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    String ns = String.join(", ", namespaces);
    String first = ns.split(",")[0];
    // netty-socketio has no io.of(): a namespace exists once the server added it
    String define = ServerStacks.nettySocketIo(incident)
        ? "`server.addNamespace(\"" + first + "\")` (netty-socketio) before `server.start()`"
        : "`io.of(\"" + first + "\")`";
    return Optional.of(Finding.of(0.95, evidence).withSessions(sids)
        .withDetail("namespace(s) " + ns + " refused")
        .withFix("The client asked for namespace " + ns + ". If that is the URL path of your app, it is not a"
            + " namespace: connect with `io(\"https://host\", { path: \"" + (ns.startsWith("/") ? first : "/" + ns)
            + "/socket.io/\" })` instead; otherwise define it on the server with " + define + "."));
  }
}
