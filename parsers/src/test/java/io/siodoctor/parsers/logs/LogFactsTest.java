package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.engineio.ProtocolRevision;
import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.parsers.record.ConnectFailure;
import io.siodoctor.parsers.record.ExhaustedResource;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each producer's recogniser decides the typed fact of a line once: lines from the recorded
 * captures ({@code sample-captures/<capture>/…}) through their parsers, and the phrases of
 * producers no capture shows through their recognisers.
 */
class LogFactsTest {

  private static LogLine onlyLine(LineLogParser parser, String file, String line) {
    CollectingSink s = Parse.text(parser, file, line + "\n");
    assertThat(s.lines).hasSize(1);
    return s.lines.get(0);
  }

  private static LogLine debugLine(String line) {
    return onlyLine(new EngineIoDebugLogParser(), "server.log", line);
  }

  @Test
  void engineIoCloseReasonsAreTyped() {
    // heartbeat-timeout--blocked-main-thread/server.log
    LogLine l = debugLine("2026-11-26T03:19:28.767Z socket.io:socket closing socket - reason ping timeout");
    assertThat(l.event()).isEqualTo(LogEvent.CLOSED);
    assertThat(l.fact()).isEqualTo(new LogFact.SessionClosed(CloseReason.PING_TIMEOUT, "ping timeout"));
    assertThat(l.closedFor(CloseReason.PING_TIMEOUT)).isTrue();
    assertThat(l.closedFor(CloseReason.TRANSPORT_CLOSE)).isFalse();
    // a reason outside the vocabulary keeps its words
    LogLine other = debugLine("2026-11-26T03:19:28.767Z engine:socket closing socket - reason made up");
    assertThat(other.fact()).isEqualTo(new LogFact.SessionClosed(CloseReason.OTHER, "made up"));
  }

  @Test
  void clientCloseReasonsAreTyped() {
    // a socket.io-client debug line (server-overloaded--blocked-event-loop/load.log)
    LogLine l = debugLine("2026-12-07T14:22:11.473Z socket.io-client:manager closed due to ping timeout");
    assertThat(l.closedFor(CloseReason.PING_TIMEOUT)).isTrue();
    LogLine deliberate = debugLine("2026-12-07T14:22:11.473Z socket.io-client:socket close (io server disconnect)");
    assertThat(deliberate.fact()).isInstanceOfSatisfying(LogFact.SessionClosed.class,
        c -> assertThat(c.reason().deliberate()).isTrue());
  }

  @Test
  void openPacketIsDecodedOnce() {
    // auth-rejected--chrome-sanitized-bearer-header/server.log: engine.io 6 sends the open packet
    LogLine l = debugLine("2026-12-07T14:08:17.991Z engine:socket sending packet \"open\" ({\"sid\":"
        + "\"EvccJ6GagJuBwtnuAAAA\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000,"
        + "\"maxPayload\":1000000})");
    assertThat(l.event()).isEqualTo(LogEvent.OPEN_SENT);
    assertThat(l.sessionId()).isEqualTo("EvccJ6GagJuBwtnuAAAA");
    assertThat(l.fact()).isInstanceOfSatisfying(LogFact.HandshakeSent.class, h -> {
      assertThat(h.handshake().sid()).isEqualTo("EvccJ6GagJuBwtnuAAAA");
      assertThat(h.handshake().offersWebSocket()).isTrue();
      assertThat(h.handshake().pingInterval()).isEqualTo(25000);
      assertThat(h.handshake().pingTimeout()).isEqualTo(20000);
      assertThat(h.handshake().maxPayload()).isEqualTo(1000000);
      assertThat(h.text()).startsWith("{\"sid\":").endsWith("}");
    });
  }

  @Test
  void writtenPayloadFramingIsARevision() {
    // version-mismatch--v4-client-v2-server/server.log: a length-prefixed (revision 3) payload
    LogLine v3 = debugLine("2026-11-26T03:21:32.035Z engine:polling writing \"96:0{\"sid\":\"TZCbvhnPuU786turAAAA\","
        + "\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":5000}2:40\"");
    assertThat(v3.event()).isEqualTo(LogEvent.PAYLOAD_WRITTEN);
    assertThat(v3.fact()).isEqualTo(new LogFact.PayloadWritten(ProtocolRevision.EIO3));
    LogLine v4 = debugLine("2026-11-26T03:21:32.035Z engine:polling writing \"40\u001e42[\"x\"]\"");
    assertThat(v4.fact()).isEqualTo(new LogFact.PayloadWritten(ProtocolRevision.EIO4));
    // a single packet proves no revision: the event, no fact
    LogLine none = debugLine("2026-11-26T03:21:32.035Z engine:polling writing \"6\"");
    assertThat(none.event()).isEqualTo(LogEvent.PAYLOAD_WRITTEN);
    assertThat(none.fact()).isSameAs(LogFact.NONE);
  }

  @Test
  void namespaceUpgradeAndResourceFacts() {
    // invalid-namespace--path-as-namespace/server.log
    LogLine ns = debugLine("2026-11-26T03:19:08.632Z socket.io:client creation of namespace /my-path was denied");
    assertThat(ns.fact()).isEqualTo(new LogFact.NamespaceRefused("/my-path"));
    // auth-rejected--middleware/server.log: the client left, not the upgrade timeout
    LogLine left = debugLine("2026-11-26T03:18:52.161Z engine:socket client did not complete upgrade - socket closed");
    assertThat(left.fact()).isEqualTo(new LogFact.UpgradeAbandoned(false, "socket closed"));
    LogLine timedOut = debugLine(
        "2026-11-26T03:18:52.161Z engine:socket client did not complete upgrade - closing transport");
    assertThat(timedOut.fact()).isEqualTo(new LogFact.UpgradeAbandoned(true, "closing transport"));
    // an application's own line in a debug log
    LogLine app = debugLine("2026-11-26T03:18:52.161Z Error: accept EMFILE");
    assertThat(app.event()).isEqualTo(LogEvent.RESOURCE_EXHAUSTED);
    assertThat(app.fact()).isEqualTo(new LogFact.ResourceExhausted(ExhaustedResource.EMFILE));
  }

  @Test
  void pythonFactsAreTyped() {
    // healthy--python-socketio-aiohttp/server.log: the sid and the open packet on one line
    LogLine open = onlyLine(new PythonSocketIoLogParser(), "server.log",
        "2026-12-07 14:06:41,137 INFO engineio.server: fDVm0HM_3iOJoCjxAAAA: Sending packet OPEN data "
            + "{'sid': 'fDVm0HM_3iOJoCjxAAAA', 'upgrades': ['websocket'], 'pingTimeout': 20000, 'pingInterval': 25000}");
    assertThat(open.event()).isEqualTo(LogEvent.HANDSHAKE);
    assertThat(open.fact()).isInstanceOfSatisfying(LogFact.HandshakeSent.class, h -> {
      assertThat(h.handshake().sid()).isEqualTo("fDVm0HM_3iOJoCjxAAAA");
      assertThat(h.handshake().pingTimeout()).isEqualTo(20000);
    });
    // cors-missing-headers--python-origin-rejected/server.log
    LogLine origin = onlyLine(new PythonSocketIoLogParser(), "server.log",
        "2026-12-07 14:06:54,265 ERROR engineio.server: http://127.0.0.1:38795 is not an accepted origin. "
            + "(further occurrences of this error will be logged with level INFO)");
    assertThat(origin.fact()).isEqualTo(new LogFact.OriginRefused("http://127.0.0.1:38795"));
    // python-engineio's check_ping_timeout, in engine.io's words
    EngineIoMessages.Result r = new EngineIoMessages.Result();
    assertThat(PythonEngineIoMessages.recognise("fDVm0HM_3iOJoCjxAAAA: Client is gone, closing socket", r)).isTrue();
    assertThat(r.fact).isEqualTo(new LogFact.SessionClosed(CloseReason.PING_TIMEOUT, "ping timeout"));
  }

  @Test
  void nettyAndJavaClientFactsAreTyped() {
    EngineIoMessages.Result r = new EngineIoMessages.Result();
    assertThat(NettySocketIoMessages.recognise(
        "Client with sessionId: 31a5d1cd-6a20-4e29-b96c-d41d23e07318 removed due to ping timeout", r)).isTrue();
    assertThat(r.event).isEqualTo(LogEvent.CLOSED);
    assertThat(r.fact).isEqualTo(new LogFact.SessionClosed(CloseReason.PING_TIMEOUT, "ping timeout"));
    assertThat(NettySocketIoMessages.recognise(
        "Blocked wrong socket.io-context request! url: /wrong/?EIO=4&transport=polling, ip: /127.0.0.1:5555", r))
        .isTrue();
    assertThat(r.fact).isEqualTo(new LogFact.BlockedUrl("/wrong/?EIO=4&transport=polling"));

    assertThat(JavaClientMessages.recognise("connect_error: " + JavaClientMessages.V2_SERVER
        + " with a v3.x client, but they are not compatible", r)).isTrue();
    assertThat(r.fact).isInstanceOfSatisfying(LogFact.ConnectFailed.class,
        f -> assertThat(f.failure()).isEqualTo(ConnectFailure.SERVER_IS_V2));
    assertThat(JavaClientMessages.recognise("server disconnect (/)", r)).isTrue();
    assertThat(r.fact).isEqualTo(new LogFact.SessionClosed(CloseReason.IO_SERVER_DISCONNECT, "io server disconnect"));
  }

  @Test
  void browserConsoleFactsAreTyped() {
    BrowserConsoleLogParser console = new BrowserConsoleLogParser();
    // blocked-by-client--adblock-extension/console.log
    LogLine blocked = onlyLine(console, "console.log", "socket.io.js:1216 GET "
        + "http://127.0.0.1:48611/socket.io/?EIO=4&transport=polling&t=cbxui8b0 net::ERR_BLOCKED_BY_CLIENT");
    assertThat(blocked.event()).isEqualTo(LogEvent.NETWORK_ERROR);
    assertThat(blocked.fact()).isEqualTo(new LogFact.NetworkError("net::ERR_BLOCKED_BY_CLIENT",
        "http://127.0.0.1:48611/socket.io/?EIO=4&transport=polling&t=cbxui8b0"));
    // csp-blocked--connect-src-ws-only/console.log
    LogLine csp = onlyLine(console, "console.log", "socket.io.js:1216 Connecting to "
        + "'http://127.0.0.1:48622/socket.io/?EIO=4&transport=polling&t=cchnias6' violates the following Content"
        + " Security Policy directive: \"connect-src 'self' ws://127.0.0.1:48622\". The action has been blocked.");
    assertThat(csp.event()).isEqualTo(LogEvent.CSP_BLOCKED);
    assertThat(csp.fact()).isInstanceOfSatisfying(LogFact.BlockedUrl.class,
        b -> assertThat(b.url()).startsWith("http://127.0.0.1:48622/socket.io/?EIO=4"));
    // version-mismatch--v4-client-v2-server-websocket/console.log: the JS client's words are kept, not typed
    LogLine v2 = onlyLine(console, "console.log", "(index):10 connect_error It seems you are trying to reach a"
        + " Socket.IO server in v2.x with a v3.x client, but they are not compatible");
    assertThat(v2.event()).isEqualTo(LogEvent.CLIENT_CONNECT_ERROR);
    assertThat(v2.fact()).isInstanceOfSatisfying(LogFact.ConnectFailed.class,
        f -> assertThat(f.failure()).isEqualTo(ConnectFailure.OTHER));
  }

  @Test
  void corsRefusalNamesTheRedirect() {
    BrowserConsoleLogParser console = new BrowserConsoleLogParser();
    // non-socketio-response--sso-login-redirect/console.log
    LogLine redirected = onlyLine(console, "console.log", "app.example.com/:1 Access to XMLHttpRequest at "
        + "'http://login.example.com:48662/signin?rd=http://app.example.com:48661/socket.io/?EIO=4&transport=polling"
        + "&t=cf3wtdf3' (redirected from 'http://app.example.com:48661/socket.io/?EIO=4&transport=polling&t=cf3wtdf3')"
        + " from origin 'http://app.example.com:48661' has been blocked by CORS policy: No "
        + "'Access-Control-Allow-Origin' header is present on the requested resource.");
    assertThat(redirected.event()).isEqualTo(LogEvent.CORS_BLOCKED);
    assertThat(redirected.fact()).isInstanceOfSatisfying(LogFact.CorsRefused.class, c -> {
      assertThat(c.url()).startsWith("http://login.example.com:48662/signin");
      assertThat(c.redirectedFrom()).isEqualTo("http://app.example.com:48661/socket.io/?EIO=4&transport=polling&t=cf3wtdf3");
      assertThat(c.text()).startsWith("No 'Access-Control-Allow-Origin' header");
    });
    // auth-rejected--netty-authorization-listener/console.log: no redirect
    LogLine plain = onlyLine(console, "console.log", "127.0.0.1/:1 Access to XMLHttpRequest at "
        + "'http://127.0.0.1:36815/socket.io/?EIO=4&transport=polling&t=cl9501g0' from origin 'http://127.0.0.1:38323'"
        + " has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested"
        + " resource.");
    assertThat(plain.fact()).isInstanceOfSatisfying(LogFact.CorsRefused.class,
        c -> assertThat(c.redirectedFrom()).isNull());
  }

  @Test
  void proxyErrnoIsANumber() {
    // proxy-idle-timeout--nginx-read-timeout/error.log
    LogLine idle = onlyLine(new NginxErrorLogParser(), "error.log", "2026/11/26 03:20:50 [info] 18493#18493: *7 "
        + "upstream timed out (110: Connection timed out) while proxying upgraded connection, client: 127.0.0.1, "
        + "server: localhost, request: \"GET /socket.io/?EIO=4&transport=websocket&sid=SS_KIl7IojvYscWgAAAA "
        + "HTTP/1.1\", host: \"127.0.0.1:47111\"");
    assertThat(idle.event()).isEqualTo(LogEvent.PROXY_UPGRADED_TIMEOUT);
    assertThat(idle.fact()).isEqualTo(new LogFact.Errno(110, "110: Connection timed out"));
    assertThat(LogFact.Errno.of("104: Connection reset by peer"))
        .isEqualTo(new LogFact.Errno(LogFact.Errno.ECONNRESET, "104: Connection reset by peer"));
    assertThat(LogFact.Errno.of("no live upstreams")).isEqualTo(new LogFact.Detail("no live upstreams"));
    // Apache's "(104)Connection reset by peer" reads the same
    EngineIoMessages.Result r = new EngineIoMessages.Result();
    assertThat(ApacheErrorMessages.recognise("AH02447: err/hup on backconn", "(104)Connection reset by peer", r))
        .isTrue();
    assertThat(r.event).isEqualTo(LogEvent.PROXY_UPGRADED_CLOSED);
    assertThat(r.fact).isEqualTo(new LogFact.Errno(104, "104: Connection reset by peer"));
  }

  @Test
  void squidResultIsTheProxysVerdict() {
    // client-proxy-interference--squid-denies-connect/squid-access.log
    LogLine denied = onlyLine(new SquidAccessLogParser(), "access.log",
        "1796655705.943      0 127.0.0.1 TCP_DENIED/403 3431 CONNECT 127.0.0.1:47611 - HIER_NONE/- text/html");
    assertThat(denied.fact()).isInstanceOfSatisfying(LogFact.ProxyResult.class, p -> assertThat(p.denied()).isTrue());
    assertThat(new LogFact.ProxyResult("TCP_TUNNEL").denied()).isFalse();
  }

  /** Spark's distributed scan ships handshake lines between machines: their facts serialise. */
  @Test
  void factsSurviveSerialisation() throws Exception {
    LogLine open = onlyLine(new PythonSocketIoLogParser(), "server.log",
        "2026-12-07 14:06:41,137 INFO engineio.server: fDVm0HM_3iOJoCjxAAAA: Sending packet OPEN data "
            + "{'sid': 'fDVm0HM_3iOJoCjxAAAA', 'upgrades': ['websocket'], 'pingTimeout': 20000, 'pingInterval': 25000}");
    for (LogFact fact : List.of(open.fact(), LogFact.NONE, LogFact.SessionClosed.because(CloseReason.PING_TIMEOUT),
        new LogFact.PayloadWritten(ProtocolRevision.EIO3), LogFact.ConnectFailed.SERVER_IS_V2,
        new LogFact.NetworkError("net::ERR_FAILED", "http://h/socket.io/?EIO=4"))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(fact);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        assertThat(in.readObject()).isEqualTo(fact);
      }
    }
  }

  @Test
  void closeReasonsReadTheLibrariesWords() {
    assertThat(CloseReason.of("ping timeout")).isEqualTo(CloseReason.PING_TIMEOUT);
    assertThat(CloseReason.of("Ping Timeout")).isEqualTo(CloseReason.PING_TIMEOUT);
    assertThat(CloseReason.of("server shutting down")).isEqualTo(CloseReason.SERVER_SHUTTING_DOWN);
    assertThat(CloseReason.of("ping timeout reached")).isEqualTo(CloseReason.OTHER);
    assertThat(CloseReason.of(null)).isEqualTo(CloseReason.OTHER);
    assertThat(CloseReason.IO_CLIENT_DISCONNECT.deliberate()).isTrue();
    assertThat(CloseReason.TRANSPORT_CLOSE.deliberate()).isFalse();
  }
}
