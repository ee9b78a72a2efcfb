package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.SocketIoPacket;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.parsers.record.LogFact;
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
 * CONNECT_ERROR "Invalid namespace": the server has no such namespace and no dynamic namespace
 * matches (socket.io's client.ts sends exactly this message).
 */
@Cause(
    id = "invalid-namespace",
    title = "The client joins a namespace the server never defined",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/namespaces/",
    subsumes = {"reconnect-storm"})
@Reads(records = {HttpExchange.class, WsFrame.class, LogLine.class}, events = {LogEvent.NAMESPACE_DENIED})
public final class InvalidNamespaceRule implements Rule {

  static boolean isInvalidNamespace(SocketIoPacket p) {
    return p.errorMessage() != null && p.errorMessage().trim().equalsIgnoreCase("Invalid namespace");
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
            && isInvalidNamespace(sio)) {
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
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    String ns = String.join(", ", namespaces);
    return Optional.of(Finding.of(0.95, evidence).withSessions(sids)
        .withDetail("namespace(s) " + ns + " refused")
        .withFix("The client asked for namespace " + ns + ". If that is the URL path of your app, it is not a"
            + " namespace: connect with `io(\"https://host\", { path: \"" + (ns.startsWith("/") ? ns.split(",")[0] : "/" + ns)
            + "/socket.io/\" })` instead; otherwise define it on the server with `io.of(\"" + ns.split(",")[0] + "\")`."));
  }
}
