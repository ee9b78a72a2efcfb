package io.siodoctor.rules.connect;

import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.engineio.EngineIoPayload;
import io.siodoctor.parsers.engineio.ProtocolRevision;
import io.siodoctor.parsers.engineio.SocketIoPacket;
import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.parsers.record.ConnectFailure;
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
import io.siodoctor.rules.signals.AccessLines;
import io.siodoctor.rules.signals.ClientVersions;
import io.siodoctor.rules.signals.EngineIoErrors;
import io.siodoctor.rules.signals.Sessions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Client and server speak different protocol revisions. Keyed on the protocol, not on wording: the
 * engine.io error code 5; a revision-4 client answered with revision-3 length-prefixed payloads; a
 * Socket.IO CONNECT answer without the {@code sid} every v3+ server sends; log lines of the same.
 */
@Cause(
    id = "version-mismatch",
    title = "Client and server speak incompatible Socket.IO protocol versions",
    severity = Severity.ERROR,
    category = Category.CANNOT_CONNECT,
    docs = "https://socket.io/docs/v4/troubleshooting-connection-issues/#the-client-is-not-compatible-with-the-version-of-the-server",
    subsumes = {"fixed-interval-disconnect", "heartbeat-timeout", "reconnect-storm", "plain-websocket-server",
        "network-interruption", "websocket-upgrade-blocked", "polling-only-config"})
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.CLIENT_CONNECT_ERROR, LogEvent.CLOSED, LogEvent.CONNECT_PACKET_RECEIVED,
        LogEvent.CONNECT_PACKET_WRITTEN, LogEvent.HTTP_ACCESS, LogEvent.HTTP_REQUEST,
        LogEvent.PAYLOAD_WRITTEN, LogEvent.UNSUPPORTED_PROTOCOL_VERSION})
public final class VersionMismatchRule implements Rule {

  /**
   * When a sanitizer removed the URL's {@code EIO=}: the client's CONNECT to the main namespace.
   * Only a Socket.IO protocol 5 client (v3/v4, Engine.IO revision 4) sends one; with protocol 4 (v2
   * clients) the server connects the main namespace by itself.
   */
  private static Optional<PacketEvent> mainNamespaceConnect(Session s) {
    for (PacketEvent p : s.packets()) {
      SocketIoPacket sio = p.packet().socketIo();
      if (p.fromClient() && sio != null && sio.type() == SocketIoPacket.Type.CONNECT && "/".equals(sio.namespace())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * A server log where requests ask for {@code EIO=4} and the server writes revision-3
   * (length-prefixed) payloads: a 2.x server answering a v3/v4 client.
   */
  /** The Java client's own words for a v2 server ({@code It seems you are trying to reach …}). */
  private static boolean serverIsV2(LogLine l) {
    return l.fact() instanceof LogFact.ConnectFailed f && f.failure() == ConnectFailure.SERVER_IS_V2;
  }

  private static Optional<List<Evidence>> legacyServerAnsweringV4(Incident incident) {
    LogLine request = null;
    for (LogLine l : incident.logLines(LogEvent.HTTP_REQUEST)) {
      if (l.access() != null && l.access().engineIo() != null
          && l.access().engineIo().revision() == ProtocolRevision.EIO4) {
        request = l;
        break;
      }
    }
    if (request == null) {
      return Optional.empty();
    }
    for (LogLine l : incident.logLines(LogEvent.PAYLOAD_WRITTEN)) {
      if (l.fact() instanceof LogFact.PayloadWritten w && w.revision() == ProtocolRevision.EIO3
          && l.location().file().equals(request.location().file())) {
        return Optional.of(List.of(
            Evidence.of(request, "the client asks for EIO=4"),
            Evidence.of(l, "the server answers with a revision-3 (length-prefixed) payload")));
      }
    }
    return Optional.empty();
  }

  /**
   * A server log over WebSocket, where no payload framing tells the revision: the server wrote the
   * main namespace's CONNECT without a sid, unasked, as only 2.x servers do (v3+ answer the client's
   * CONNECT with {@code 40{"sid":…}}), and received a CONNECT to the main namespace, which only
   * v3/v4 clients send (a v2 client takes the server's), and never wrote one with a sid. Lines of
   * one file: one server's.
   */
  private static Optional<List<Evidence>> legacyServerGreetingV4OverWebSocket(Incident incident) {
    Map<String, LogLine> clientConnectByFile = new HashMap<>();
    for (LogLine received : incident.logLines(LogEvent.CONNECT_PACKET_RECEIVED)) {
      if (received.fact() instanceof LogFact.ConnectPacket c && isMainNamespaceConnect(c.packet())) {
        clientConnectByFile.putIfAbsent(received.location().file(), received);
      }
    }
    if (clientConnectByFile.isEmpty()) {
      return Optional.empty();
    }
    // a v4 server with allowEIO3 writes both: bare to its v2 clients, with a sid to its v4 ones
    Map<String, LogLine> bareByFile = new LinkedHashMap<>();
    Set<String> answersWithSid = new HashSet<>();
    for (LogLine written : incident.logLines(LogEvent.CONNECT_PACKET_WRITTEN)) {
      if (written.fact() instanceof LogFact.ConnectPacket w && isMainNamespaceConnect(w.packet())) {
        if (w.packet().socketId() == null) {
          bareByFile.putIfAbsent(written.location().file(), written);
        } else {
          answersWithSid.add(written.location().file());
        }
      }
    }
    for (Map.Entry<String, LogLine> bare : bareByFile.entrySet()) {
      LogLine received = clientConnectByFile.get(bare.getKey());
      if (received != null && !answersWithSid.contains(bare.getKey())) {
        return Optional.of(List.of(
            Evidence.of(bare.getValue(), "the server sends CONNECT without a sid unasked: a 2.x server"),
            Evidence.of(received, "the client sends CONNECT to the main namespace: a v3/v4 client")));
      }
    }
    return Optional.empty();
  }

  private static boolean isMainNamespaceConnect(SocketIoPacket p) {
    return p != null && p.type() == SocketIoPacket.Type.CONNECT && "/".equals(p.namespace());
  }

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    boolean v2ClientV3Server = false;
    boolean v3ClientV2Server = false;

    List<HttpExchange> unsupported = EngineIoErrors.withCode(incident, EngineIoError.UNSUPPORTED_PROTOCOL_VERSION);
    for (HttpExchange x : unsupported) {
      evidence.add(Evidence.of(x, "the server refuses EIO=" + x.engineIo().eio()));
      v2ClientV3Server = true;
    }
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (x.engineIo().revision() == ProtocolRevision.EIO4
          && x.responsePayload().provenRevision() == ProtocolRevision.EIO3
          && x.responsePayload().framing() != EngineIoPayload.Framing.NOT_ENGINE_IO) {
        evidence.add(Evidence.of(x, "EIO=4 request answered with a revision-3 (length-prefixed) payload"));
        x.sid().ifPresent(sids::add);
        v3ClientV2Server = true;
      }
    }
    for (Session s : Sessions.withPackets(incident)) {
      Optional<PacketEvent> mainConnect = Optional.empty();
      if (s.clientRevision() == ProtocolRevision.UNKNOWN) {
        mainConnect = mainNamespaceConnect(s);
      }
      if (s.clientRevision() != ProtocolRevision.EIO4 && mainConnect.isEmpty()) {
        continue;
      }
      for (PacketEvent p : s.packets()) {
        SocketIoPacket sio = p.packet().socketIo();
        if (p.fromServer() && sio != null && sio.type() == SocketIoPacket.Type.CONNECT && sio.socketId() == null) {
          // v3+ servers always answer CONNECT with {"sid":...}; a bare "40" comes from a 2.x server
          boolean cited = evidence.stream().anyMatch(e -> e.location().equals(p.source().location()));
          if (!cited) { // a length-prefixed "…2:40" answer was already cited for its framing
            s.handshakeRecord().ifPresent(h -> evidence.add(Evidence.of(h, "the server's open packet")));
          evidence.add(Evidence.of(p.source(), "CONNECT answered without a Socket.IO sid: a 2.x server"));
          }
          mainConnect.ifPresent(c -> evidence.add(Evidence.of(c.source(),
              "the client sent CONNECT to the main namespace: a v3/v4 client (its URL's EIO= was redacted)")));
          sids.add(s.sid());
          v3ClientV2Server = true;
          break;
        }
      }
    }
    // the Java client names the case itself ("It seems you are trying to reach a Socket.IO server
    // in v2.x with a v3.x client"): a typed fact of its recogniser
    for (LogLine l : incident.logLines(LogEvent.CLIENT_CONNECT_ERROR)) {
      if (serverIsV2(l)) {
        evidence.add(Evidence.of(l, "the Java client found a v2 server"));
        v3ClientV2Server = true;
      }
    }
    Optional<List<Evidence>> legacyServer = legacyServerAnsweringV4(incident)
        .or(() -> legacyServerGreetingV4OverWebSocket(incident));
    if (legacyServer.isPresent()) {
      evidence.addAll(legacyServer.get());
      v3ClientV2Server = true;
    }
    if (v3ClientV2Server) {
      // with no heartbeat flowing between them, the server gives up after pingInterval + pingTimeout
      incident.logLines(LogEvent.CLOSED).stream()
          .filter(l -> l.closedFor(CloseReason.PING_TIMEOUT)).limit(3)
          .forEach(l -> evidence.add(Evidence.of(l, "no heartbeat between a v3/v4 client and a v2 server")));
      incident.logLines(LogEvent.CLIENT_CONNECT_ERROR).stream()
          .filter(l -> !serverIsV2(l)).limit(3)
          .forEach(l -> evidence.add(Evidence.of(l)));
    }
    for (LogLine l : incident.logLines(LogEvent.UNSUPPORTED_PROTOCOL_VERSION)) {
      evidence.add(Evidence.of(l));
      v2ClientV3Server = true;
    }
    for (LogLine l : AccessLines.of(incident).engineIoHandshakes(s -> s == 400)) {
      if (l.access().engineIo().revision() != ProtocolRevision.EIO4) {
        ClientVersions.describe(l.access().userAgent()).ifPresent(client ->
            evidence.add(Evidence.of(l, client + " sent EIO=" + l.access().engineIo().eio() + " and was refused")));
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    double confidence = !unsupported.isEmpty() || v2ClientV3Server ? 0.95 : 0.9;
    String detail;
    String fix;
    if (v3ClientV2Server) {
      detail = "a Socket.IO v3/v4 client (EIO=4) reached a Socket.IO v2 server (Engine.IO revision 3)";
      fix = "A v3/v4 client cannot talk to a v2 server. Upgrade the server to Socket.IO 4 (then, if old"
          + " clients remain, start it with `allowEIO3: true`), or use a `socket.io-client@2.x` client until"
          + " the server is upgraded.";
    } else {
      detail = "a client speaking Engine.IO revision 3 (Socket.IO v2 client, Java client 1.x, Swift v15) was refused by a v3/v4 server";
      fix = "Either upgrade the client (JS `socket.io-client@4`, Java client 2.x, Swift v16), or let the"
          + " server accept the old revision:\n\n```js\nconst io = new Server(httpServer, { allowEIO3: true });\n```\n"
          + "Swift v15 against a v3/v4 server also needs `.connectParams([\"EIO\": \"3\"])` on the client.";
    }
    return Optional.of(Finding.of(confidence, evidence).withSessions(sids).withDetail(detail).withFix(fix));
  }
}
