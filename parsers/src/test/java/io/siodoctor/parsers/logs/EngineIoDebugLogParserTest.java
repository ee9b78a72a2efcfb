package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFormat;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineIoDebugLogParserTest {

  private final EngineIoDebugLogParser parser = new EngineIoDebugLogParser();

  /** The real 4-node sticky failure sample (socketio/socket.io-sticky#2, domain notes §3.1). */
  private static final String STICKY =
      "2021-05-15T15:17:22.687Z engine handshaking client \"ssO51L53Emo8zXiyAAAA\"\n"
          + "2021-05-15T15:17:22.687Z engine:socket sending packet \"open\" ({\"sid\":\"ssO51L53Emo8zXiyAAAA\",\"upgrades\":[\"websocket\"],\"pingInterval\":20000,\"pingTimeout\":15000})\n"
          + "2021-05-15T15:17:22.687Z engine:socket sending packet \"message\" ([ '0' ])\n"
          + "2021-05-15T15:17:22.688Z engine:polling setting request\n"
          + "2021-05-15T15:17:22.688Z engine:socket flushing buffer to transport\n";

  @Test
  void nonTtyLinesGiveTimeNamespaceMessageAndLocation() {
    CollectingSink s = Parse.text(parser, "logs/node-b.log.gz", STICKY);
    assertThat(s.lines).hasSize(5);
    LogLine first = s.lines.get(0);
    assertThat(first.time()).isEqualTo(Instant.parse("2021-05-15T15:17:22.687Z"));
    assertThat(first.source()).isEqualTo("engine");
    assertThat(first.message()).isEqualTo("handshaking client \"ssO51L53Emo8zXiyAAAA\"");
    assertThat(first.event()).isEqualTo(LogEvent.HANDSHAKE);
    assertThat(first.sid()).contains("ssO51L53Emo8zXiyAAAA");
    assertThat(first.format()).isEqualTo(LogFormat.ENGINE_IO_DEBUG);
    assertThat(first.node()).isEqualTo("node-b");
    assertThat(first.lineNumber()).isEqualTo(1);
    assertThat(first.location()).isEqualTo(SourceLocation.line("logs/node-b.log.gz", 1));
    assertThat(s.lines.get(1).sid()).contains("ssO51L53Emo8zXiyAAAA");
    assertThat(s.lines.get(1).source()).isEqualTo("engine:socket");
    assertThat(s.lines.get(3).time()).isEqualTo(Instant.parse("2021-05-15T15:17:22.688Z"));
    assertThat(s.lines.get(4).location().location()).isEqualTo("line 5");
  }

  @Test
  void ttyLinesLoseColoursAndDeltaAndHaveNoTime() {
    // debug's formatArgs with colours: "  \e[3Xm;1m<ns> \e[0m<msg> \e[3Xm+25s\e[0m"
    String tty =
        "  \u001b[36;1mengine:socket \u001b[0mwriting ping packet - expecting pong within 20000ms \u001b[36m+25s\u001b[0m\n"
            + "  \u001b[38;5;167;1msocket.io:client \u001b[0mclient close with reason ping timeout \u001b[38;5;167m+45s\u001b[0m\n"
            + "  \u001b[33;1mengine \u001b[0munknown sid \"abcdefghij0123456789\" \u001b[33m+3ms\u001b[0m\n";
    CollectingSink s = Parse.text(parser, "server.log", tty);
    assertThat(s.lines).hasSize(3);
    LogLine ping = s.lines.get(0);
    assertThat(ping.source()).isEqualTo("engine:socket");
    assertThat(ping.message()).isEqualTo("writing ping packet - expecting pong within 20000ms");
    assertThat(ping.event()).isEqualTo(LogEvent.PING_SENT);
    assertThat(ping.fact().text()).isEqualTo("20000");
    assertThat(ping.time()).isNull();
    LogLine close = s.lines.get(1);
    assertThat(close.event()).isEqualTo(LogEvent.CLOSED);
    assertThat(close.fact().text()).isEqualTo("ping timeout");
    assertThat(s.lines.get(2).sid()).contains("abcdefghij0123456789");
    assertThat(s.lines.get(2).event()).isEqualTo(LogEvent.UNKNOWN_SID);
  }

  @Test
  void ttyFormAlreadyStrippedOfColoursIsRead() {
    CollectingSink s =
        Parse.text(parser, "x.log", "  engine:socket got upgrade packet - upgrading +102ms\n");
    assertThat(s.lines.get(0).source()).isEqualTo("engine:socket");
    assertThat(s.lines.get(0).message()).isEqualTo("got upgrade packet - upgrading");
    assertThat(s.lines.get(0).event()).isEqualTo(LogEvent.UPGRADE_DONE);
  }

  @Test
  void oldRfc1123DatesAreUtc() {
    CollectingSink s =
        Parse.text(
            parser,
            "client.log",
            "Wed, 30 Aug 2017 17:08:30 GMT engine.io-client:socket socket close with reason: \"ping timeout\"\n");
    LogLine l = s.lines.get(0);
    assertThat(l.time()).isEqualTo(Instant.parse("2017-08-30T17:08:30Z"));
    assertThat(l.source()).isEqualTo("engine.io-client:socket");
    assertThat(l.event()).isEqualTo(LogEvent.CLOSED);
    assertThat(l.fact().text()).isEqualTo("ping timeout");
  }

  @Test
  void hideDateLinesHaveNoTime() {
    CollectingSink s =
        Parse.text(
            parser,
            "server.log",
            "engine handshaking client \"AAAAAAAAAAAAAAAAAAAA\"\n"
                + "engine:socket client did not complete upgrade - closing transport\n");
    assertThat(s.lines).extracting(LogLine::time).containsOnlyNulls();
    assertThat(s.lines.get(1).event()).isEqualTo(LogEvent.UPGRADE_INCOMPLETE);
    assertThat(s.lines.get(1).fact().text()).isEqualTo("closing transport");
  }

  @Test
  void continuationAndApplicationLinesAreOtherWithPreviousTime() {
    String text =
        "2026-11-26T03:19:25.742Z engine:socket transport error\n"
            + "Error: read ECONNRESET\n"
            + "    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)\n"
            + "\n"
            + "listening on *:3000\n"
            + "2026-11-26T03:19:26.000Z socket.io:client client close with reason transport error\n";
    CollectingSink s = Parse.text(parser, "server.log", text);
    assertThat(s.lines).hasSize(5); // the blank line is skipped
    Instant t = Instant.parse("2026-11-26T03:19:25.742Z");
    for (int i = 1; i <= 3; i++) {
      LogLine l = s.lines.get(i);
      assertThat(l.event()).isEqualTo(LogEvent.OTHER);
      assertThat(l.time()).isEqualTo(t);
      assertThat(l.source()).isNull();
      assertThat(l.sid()).isEmpty();
    }
    assertThat(s.lines.get(2).message())
        .isEqualTo("    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)");
    assertThat(s.lines.get(2).lineNumber()).isEqualTo(3);
    assertThat(s.lines.get(3).lineNumber()).isEqualTo(5);
    assertThat(s.lines.get(0).event()).isEqualTo(LogEvent.TRANSPORT_ERROR);
    assertThat(s.lines.get(4).fact().text()).isEqualTo("transport error");
  }

  @Test
  void applicationLinesWithADebugTimestampKeepTheirTime() {
    CollectingSink s =
        Parse.text(
            parser,
            "server.log",
            "2026-11-26T03:19:24.491Z app listening on http://127.0.0.1:47091\n"
                + "2026-11-26T03:19:24.492Z Server started\n");
    assertThat(s.lines.get(0).source()).isEqualTo("app");
    assertThat(s.lines.get(0).message()).isEqualTo("listening on http://127.0.0.1:47091");
    assertThat(s.lines.get(1).source()).isNull();
    assertThat(s.lines.get(1).message()).isEqualTo("Server started");
    assertThat(s.lines.get(1).time()).isEqualTo(Instant.parse("2026-11-26T03:19:24.492Z"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "engine|handshaking client \"ssO51L53Emo8zXiyAAAA\"|HANDSHAKE||ssO51L53Emo8zXiyAAAA",
        "engine|handling \"POST\" http request \"/socket.io/?EIO=4&transport=polling&t=zhi6j3c4&sid=8zVNQ_3kNnvUljZhAAAA\"|HTTP_REQUEST|POST|8zVNQ_3kNnvUljZhAAAA",
        "engine|handling \"GET\" http request \"/socket.io/?EIO=4&transport=polling&t=zhi56jls\"|HTTP_REQUEST|GET|",
        "engine|unknown sid \"C-UMVuI3T1QZRV4gAAAA\"|UNKNOWN_SID||C-UMVuI3T1QZRV4gAAAA",
        "engine|unknown transport \"flash\"|UNKNOWN_TRANSPORT|flash|",
        "engine|unsupported protocol version|UNSUPPORTED_PROTOCOL_VERSION||",
        "engine:ws|closing|WEBSOCKET_TRANSPORT_CLOSING||",
        // Socket.IO CONNECT packets on a WebSocket, kept as the Socket.IO packet; other frames are not
        "engine:ws|writing \"40\"|CONNECT_PACKET_WRITTEN|0|",
        "engine:ws|writing \"40{\"sid\":\"SH6xF8hl4qB5kR2gAAAA\"}\"|CONNECT_PACKET_WRITTEN|0{\"sid\":\"SH6xF8hl4qB5kR2gAAAA\"}|",
        "engine:ws|received \"40{\"token\":\"abc\"}\"|CONNECT_PACKET_RECEIVED|0{\"token\":\"abc\"}|",
        "engine:ws|received \"40/admin,\"|CONNECT_PACKET_RECEIVED|0/admin,|",
        "engine:ws|writing \"42[\"chat\",\"hi\"]\"|OTHER||",
        "engine:ws|received \"2probe\"|OTHER||",
        "engine:ws|received \"40|OTHER||",
        "engine:polling|closing|OTHER||",
        "engine|bad request: unexpected transport without upgrade|TRANSPORT_MISMATCH||",
        "engine|bad request: unexpected protocol version during upgrade|BAD_REQUEST|unexpected protocol version during upgrade|",
        // engine.io verify(): a websocket handshake (no sid) without an Upgrade header
        "engine|invalid transport upgrade|TRANSPORT_MISMATCH|invalid transport upgrade|",
        "engine|origin header invalid|BAD_REQUEST|origin header invalid|",
        "engine|error while generating an id|BAD_REQUEST|error while generating an id|",
        "engine:socket|might upgrade socket transport from \"polling\" to \"websocket\"|UPGRADE_STARTED|websocket|",
        "engine:socket|got upgrade packet - upgrading|UPGRADE_DONE||",
        "engine:socket|client did not complete upgrade - closing transport|UPGRADE_INCOMPLETE|closing transport|",
        "engine:socket|client did not complete upgrade - socket closed|UPGRADE_INCOMPLETE|socket closed|",
        "engine:socket|writing ping packet - expecting pong within 20000ms|PING_SENT|20000|",
        "engine:socket|got ping|PING_RECEIVED||",
        "engine:socket|got pong|PONG_RECEIVED||",
        "engine:socket|received packet pong|OTHER||",
        // the client's own close over polling: engine.io then logs it as "transport close"
        "engine:polling|got xhr close packet|CLIENT_CLOSE_PACKET||",
        "engine:socket|transport error|TRANSPORT_ERROR||",
        "socket.io:client|client close with reason ping timeout|CLOSED|ping timeout|",
        "socket.io:client|client close with reason transport close|CLOSED|transport close|",
        "socket.io:client|client close with reason forced server close|CLOSED|forced server close|",
        "socket.io:client|client close with reason server shutting down|CLOSED|server shutting down|",
        "socket.io:socket|closing socket - reason server namespace disconnect|CLOSED|server namespace disconnect|",
        "socket.io:socket|closing socket - reason client namespace disconnect|CLOSED|client namespace disconnect|",
        "socket.io:socket|closing socket - reason parse error|CLOSED|parse error|",
        "socket.io:socket|closing socket - reason forced close|CLOSED|forced close|",
        "engine.io-client:socket|socket close with reason: \"transport error\"|CLOSED|transport error|",
        "socket.io:namespace|middleware error, sending CONNECT_ERROR packet to the client|CONNECT_ERROR_SENT||",
        "socket.io:client|creation of namespace /my-path was denied|NAMESPACE_DENIED|/my-path|",
        "engine:ws|ignored transport error websocket error (RangeError: Max payload size exceeded)|PAYLOAD_TOO_LARGE|Max payload size exceeded|",
        "socket.io:server|incoming connection with id 8zVNQ_3kNnvUljZhAAAA|OTHER||8zVNQ_3kNnvUljZhAAAA",
        "socket.io:namespace|connection state recovered for sid abcdefghij0123456789|OTHER||abcdefghij0123456789",
        "engine.io-client:polling|xhr open GET: http://localhost:3000/socket.io/?EIO=4&transport=polling&t=N8hyd6w&sid=lv_VI97HAXpY6yYWAAAC|OTHER||lv_VI97HAXpY6yYWAAAC",
        "socket.io-client:manager|connect attempt timed out after 20000|CLIENT_CONNECT_ERROR|timeout|",
        "socket.io-client:manager|closed due to ping timeout|CLOSED|ping timeout|",
        "socket.io-client:socket|close (io server disconnect)|CLOSED|io server disconnect|",
        "engine|setting new request for existing client|OTHER||",
      })
  void recognisesTheDebugPrintfFormats(
      String ns, String msg, LogEvent event, String detail, String sid) {
    CollectingSink s =
        Parse.text(parser, "server.log", "2026-11-26T03:00:00.000Z " + ns + " " + msg + "\n");
    LogLine l = s.lines.get(0);
    assertThat(l.source()).isEqualTo(ns);
    assertThat(l.event()).isEqualTo(event);
    assertThat(l.fact().text()).isEqualTo(detail);
    assertThat(l.sid().orElse(null)).isEqualTo(sid);
  }

  @Test
  void handshakeRequestOpenPacketAndWrittenPayloads() {
    // real lines of the heartbeat-timeout capture (socket.io 4.8 / engine.io 6.6)
    String text =
        "2026-11-26T03:19:25.742Z engine handling \"GET\" http request \"/socket.io/?EIO=4&transport=polling&t=zhi56jls\"\n"
            + "2026-11-26T03:19:25.747Z engine handshaking client \"8zVNQ_3kNnvUljZhAAAA\"\n"
            + "2026-11-26T03:19:25.751Z engine:socket sending packet \"open\" ({\"sid\":\"8zVNQ_3kNnvUljZhAAAA\",\"upgrades\":[\"websocket\"],\"pingInterval\":2000,\"pingTimeout\":1000,\"maxPayload\":1000000})\n"
            + "2026-11-26T03:19:25.762Z engine:polling writing \"0{\"sid\":\"8zVNQ_3kNnvUljZhAAAA\",\"upgrades\":[\"websocket\"],\"pingInterval\":2000,\"pingTimeout\":1000,\"maxPayload\":1000000}\"\n";
    CollectingSink s = Parse.text(parser, "server.log", text);
    LogLine request = s.lines.get(0);
    assertThat(request.event()).isEqualTo(LogEvent.HTTP_REQUEST);
    assertThat(request.fact().text()).isEqualTo("GET");
    assertThat(request.access().url()).isEqualTo("/socket.io/?EIO=4&transport=polling&t=zhi56jls");
    assertThat(request.access().engineIo().isHandshake()).isTrue();
    LogLine open = s.lines.get(2);
    assertThat(open.event()).isEqualTo(LogEvent.OPEN_SENT);
    assertThat(open.sid()).contains("8zVNQ_3kNnvUljZhAAAA");
    assertThat(open.fact().text()).startsWith("{\"sid\":\"8zVNQ_3kNnvUljZhAAAA\"").endsWith("}");
    assertThat(open.access()).isSameAs(request.access());
    assertThat(s.lines.get(3).event()).isEqualTo(LogEvent.PAYLOAD_WRITTEN);
  }

  @Test
  void socketIoConnectReplySidIsNotTakenForTheEngineSid() {
    CollectingSink s =
        Parse.text(
            parser,
            "server.log",
            "2026-11-26T03:14:56.892Z engine:socket sending packet \"message\" (0{\"sid\":\"SH6xF8hl4qB5kR2gAAAA\"})\n"
                + "2026-11-26T03:14:56.894Z engine:polling writing \"40{\"sid\":\"SH6xF8hl4qB5kR2gAAAA\"}\"\n");
    assertThat(s.lines).allSatisfy(l -> assertThat(l.sid()).isEmpty());
  }

  @Test
  void serverLinesThatNameNoSidGetNone() {
    CollectingSink s = Parse.resource(parser, "heartbeat-server.log");
    LogLine close = s.first(LogEvent.CLOSED);
    assertThat(close.fact().text()).isEqualTo("ping timeout");
    assertThat(close.sid()).isEmpty();
    assertThat(s.first(LogEvent.HANDSHAKE).sid()).contains("8zVNQ_3kNnvUljZhAAAA");
    assertThat(s.events(LogEvent.UPGRADE_DONE)).hasSize(2);
    assertThat(s.lines.get(0).node()).isEqualTo("heartbeat-server");
  }

  @Test
  void clientSidIsCarriedFromTheOpenPacketUntilTheClose() {
    String text =
        "2026-11-26T03:00:00.000Z engine.io-client:socket socket receive: type \"open\", data \"{\"sid\":\"AAAAAAAAAAAAAAAAAAAA\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000}\"\n"
            + "2026-11-26T03:00:25.000Z engine.io-client:socket socket receive: type \"ping\", data \"undefined\"\n"
            + "2026-11-26T03:01:10.000Z engine.io-client:socket socket close with reason: \"ping timeout\"\n"
            + "2026-11-26T03:01:11.000Z engine.io-client:socket creating transport \"polling\"\n"
            + "2026-11-26T03:01:11.100Z engine.io-client:socket socket receive: type \"open\", data \"{\"sid\":\"BBBBBBBBBBBBBBBBBBBB\"}\"\n"
            + "2026-11-26T03:01:12.000Z engine.io-client:socket socket receive: type \"ping\", data \"undefined\"\n";
    CollectingSink s = Parse.text(parser, "client.log", text);
    assertThat(s.lines)
        .extracting(l -> l.sid().orElse("-"))
        .containsExactly(
            "AAAAAAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAA",
            "-",
            "BBBBBBBBBBBBBBBBBBBB",
            "BBBBBBBBBBBBBBBBBBBB");
    assertThat(s.lines.get(1).event()).isEqualTo(LogEvent.PING_RECEIVED);
    assertThat(s.lines.get(2).event()).isEqualTo(LogEvent.CLOSED);
    assertThat(s.warnings).isEmpty();
  }

  @Test
  void clientSidCarryStopsWhenTwoSocketsOverlap() {
    String text =
        "2026-11-26T03:00:00.000Z engine.io-client:socket socket receive: type \"open\", data \"{\"sid\":\"AAAAAAAAAAAAAAAAAAAA\"}\"\n"
            + "2026-11-26T03:00:00.100Z engine.io-client:socket socket receive: type \"open\", data \"{\"sid\":\"BBBBBBBBBBBBBBBBBBBB\"}\"\n"
            + "2026-11-26T03:00:25.000Z engine.io-client:socket socket receive: type \"ping\", data \"undefined\"\n";
    CollectingSink s = Parse.text(parser, "client.log", text);
    assertThat(s.lines.get(1).sid()).contains("BBBBBBBBBBBBBBBBBBBB");
    assertThat(s.lines.get(2).sid()).isEmpty();
    assertThat(s.warnings).hasSize(1);
  }

  @Test
  void serverLinesNeverCarryASid() {
    String text =
        "2026-11-26T03:00:00.000Z engine handshaking client \"AAAAAAAAAAAAAAAAAAAA\"\n"
            + "2026-11-26T03:00:00.001Z engine:socket writing ping packet - expecting pong within 20000ms\n";
    CollectingSink s = Parse.text(parser, "server.log", text);
    assertThat(s.lines.get(1).sid()).isEmpty();
  }

  @Test
  void dockerComposePrefixNamesTheNode() {
    CollectingSink s =
        Parse.text(
            parser,
            "compose.log",
            "node-a-1  | 2026-11-26T03:00:00.000Z engine unknown sid \"AAAAAAAAAAAAAAAAAAAA\"\n"
                + "node-b-1  | 2026-11-26T03:00:00.100Z engine handshaking client \"BBBBBBBBBBBBBBBBBBBB\"\n");
    assertThat(s.lines).extracting(LogLine::node).containsExactly("node-a-1", "node-b-1");
    assertThat(s.lines.get(0).event()).isEqualTo(LogEvent.UNKNOWN_SID);
    assertThat(s.lines.get(1).time()).isEqualTo(Instant.parse("2026-11-26T03:00:00.100Z"));
  }

  @Test
  void dockerTimestampsBeforeTheDebugTimeAreSkipped() {
    String text =
        "2026-11-26T03:00:00.123456789Z 2026-11-26T03:00:00.120Z engine unknown sid \"AAAAAAAAAAAAAAAAAAAA\"\n"
            + "2026-11-26T03:00:00.223456789Z 2026-11-26T03:00:00.220Z socket.io:client client close with reason transport close\n";
    assertThat(Parse.sniff(parser, text)).isTrue();
    CollectingSink s = Parse.text(parser, "docker.log", text);
    assertThat(s.lines.get(0).time()).isEqualTo(Instant.parse("2026-11-26T03:00:00.120Z"));
    assertThat(s.lines.get(0).source()).isEqualTo("engine");
    assertThat(s.lines.get(0).event()).isEqualTo(LogEvent.UNKNOWN_SID);
    assertThat(s.lines.get(1).fact().text()).isEqualTo("transport close");
  }

  @Test
  void theJournalsHeaderBeforeTheDebugLineIsSkipped() {
    // a Node server run by systemd with DEBUG set: `journalctl -u app` and `journalctl -o short-iso`
    String text =
        "Nov 26 03:00:00 web1 node[4242]: 2026-11-26T03:00:00.120Z engine unknown sid \"AAAAAAAAAAAAAAAAAAAA\"\n"
            + "Nov  6 03:00:00 web1 node[4242]: 2026-11-26T03:00:00.220Z socket.io:client client close with reason"
            + " transport close\n"
            + "2026-11-26T03:00:00+0000 web1 app.service[4242]: 2026-11-26T03:00:00.320Z engine handshaking client"
            + " \"BBBBBBBBBBBBBBBBBBBB\"\n";
    assertThat(Parse.sniff(parser, text)).isTrue();
    CollectingSink s = Parse.text(parser, "journal.log", text);
    assertThat(s.lines).hasSize(3);
    assertThat(s.lines.get(0).time()).isEqualTo(Instant.parse("2026-11-26T03:00:00.120Z"));
    assertThat(s.lines.get(0).source()).isEqualTo("engine");
    assertThat(s.lines.get(0).event()).isEqualTo(LogEvent.UNKNOWN_SID);
    assertThat(s.lines.get(1).fact().text()).isEqualTo("transport close");
    assertThat(s.lines.get(2).time()).isEqualTo(Instant.parse("2026-11-26T03:00:00.320Z"));
    assertThat(s.lines.get(2).event()).isEqualTo(LogEvent.HANDSHAKE);
  }

  @Test
  void realStickySessionCaptureFromNodeA() {
    CollectingSink s = Parse.resource(parser, "sticky-node-a.log");
    assertThat(s.lines).allSatisfy(l -> assertThat(l.node()).isEqualTo("sticky-node-a"));
    List<LogLine> unknown = s.events(LogEvent.UNKNOWN_SID);
    assertThat(unknown).isNotEmpty();
    assertThat(unknown.get(0).sid()).contains("C-UMVuI3T1QZRV4gAAAA");
    assertThat(s.events(LogEvent.UPGRADE_INCOMPLETE)).isNotEmpty();
    assertThat(s.events(LogEvent.HTTP_REQUEST)).allSatisfy(l -> assertThat(l.time()).isNotNull());
    assertThat(s.warnings).isEmpty();
  }

  @Test
  void realUpgradeBlockedCaptureShowsTransportMismatch() {
    CollectingSink s = Parse.resource(parser, "upgrade-blocked-server.log");
    assertThat(s.events(LogEvent.TRANSPORT_MISMATCH)).isNotEmpty();
  }

  @Test
  void crlfBomAndMissingFinalNewline() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body =
        ("2026-11-26T03:00:00.000Z engine got pong\r\n2026-11-26T03:00:01.000Z engine:socket got ping")
            .getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    CollectingSink s = Parse.bytes(parser, "server.log", all);
    assertThat(s.lines).hasSize(2);
    assertThat(s.lines.get(0).time()).isEqualTo(Instant.parse("2026-11-26T03:00:00Z"));
    assertThat(s.lines.get(0).message()).isEqualTo("got pong");
    assertThat(s.lines.get(1).event()).isEqualTo(LogEvent.PING_RECEIVED);
  }

  @Test
  void malformedLinesNeverThrow() {
    byte[] junk = new byte[5000];
    for (int i = 0; i < junk.length; i++) {
      junk[i] = (byte) (i * 31 + 7);
    }
    String text =
        "2026-13-45T99:99:99.999Z engine handshaking client \"x\n"
            + "2026-11-26T03:00:00.000Z engine handling \"GET\n"
            + "2026-11-26T03:00:00.000Z engine unknown sid \"\n"
            + "2026-11-26T03:00:00.000Z \n"
            + "  \u001b[36;1m\n"
            + "\u001b[\n"
            + "node | \n"
            + "2026-11-26T03:00:00.000Z engine:socket writing ping packet - expecting pong within \n"
            + "Wed, 30 Aug 2017 17:08:30 GMT\n"
            + "2026-11-26T03:00:00.000Z engine:socket close (\n";
    CollectingSink s = Parse.text(parser, "x.log", text);
    assertThat(s.lines).isNotEmpty();
    assertThat(s.lines.get(0).time()).isNull(); // month 13 is not a time
    CollectingSink j = Parse.bytes(parser, "junk.bin", junk);
    assertThat(j.lines).isNotEmpty();
  }

  /**
   * engine.io logs a handshake that is not a GET (code 2) and allowRequest's refusal (code 4) in no
   * debug namespace: only an application's connection_error listener prints them, as a debug line
   * of its own, or as plain output (socket.io's guide prints err.code and err.message each alone).
   */
  @Test
  void connectionErrorListenerLinesForTheRefusalsEngineIoDoesNotLog() {
    CollectingSink s = Parse.text(parser, "server.log",
        "2026-11-26T03:24:02.864Z engine handling \"POST\" http request \"/socket.io/?EIO=4&transport=polling&t=mwwznfx1\"\n"
            + "2026-11-26T03:24:02.864Z app connection_error code 2 Bad handshake method POST /socket.io/?EIO=4\n"
            + "2026-11-26T03:24:03.100Z app connection_error code 4 Forbidden GET /socket.io/?EIO=4\n"
            + "connection_error 4 Forbidden\n"
            + "2\n"
            + "Bad handshake method\n"
            + "Forbidden\n"
            // the words alone, in other sentences, are not engine.io's refusal
            + "2026-11-26T03:24:04.000Z app user 42 Forbidden to post here\n"
            + "2026-11-26T03:24:04.001Z app GET /admin 403 Forbidden\n"
            + "connection_error 3 Bad request\n");
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.HTTP_REQUEST, LogEvent.BAD_HANDSHAKE_METHOD, LogEvent.REQUEST_FORBIDDEN, LogEvent.REQUEST_FORBIDDEN,
        LogEvent.OTHER, LogEvent.BAD_HANDSHAKE_METHOD, LogEvent.REQUEST_FORBIDDEN,
        LogEvent.OTHER, LogEvent.OTHER, LogEvent.OTHER);
    // the plain lines take the time of the debug line before them
    assertThat(s.lines.get(5).time()).isEqualTo(Instant.parse("2026-11-26T03:24:03.100Z"));
  }

  /**
   * Code 3 counts where the line shows a polling handshake (an engine middleware's refusal, which
   * engine.io logs nowhere else); on a WebSocket or a session's request, or with no URL, it is left
   * to engine.io's own TRANSPORT_MISMATCH line (a proxy's lost Upgrade header gives it too).
   */
  @Test
  void connectionErrorCode3CountsOnAPollingHandshakeOnly() {
    CollectingSink s = Parse.text(parser, "server.log",
        "2026-11-26T03:23:52.912Z app connection_error code 3 Bad request GET /socket.io/?EIO=4&transport=polling&t=zn8atltc\n"
            + "2026-11-26T03:23:52.913Z app connection_error {\"code\":3,\"message\":\"Bad request\",\"url\":\"/chat/?EIO=4&transport=polling&t=x\"}\n"
            + "2026-11-26T03:23:52.914Z app connection_error code 3 Bad request GET /socket.io/?EIO=4&transport=websocket&sid=a1\n"
            + "2026-11-26T03:23:52.915Z app connection_error code 3 Bad request GET /socket.io/?EIO=4&transport=polling&t=y&sid=a1\n"
            + "2026-11-26T03:23:52.916Z app connection_error code 3 Bad request\n"
            + "2026-11-26T03:23:52.917Z app Bad request GET /socket.io/?EIO=4&transport=polling&t=z\n");
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.BAD_REQUEST, LogEvent.BAD_REQUEST, LogEvent.OTHER, LogEvent.OTHER, LogEvent.OTHER, LogEvent.OTHER);
  }
}
