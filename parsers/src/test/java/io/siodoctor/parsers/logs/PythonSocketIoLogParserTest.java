package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.InputReader;
import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogLine;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PythonSocketIoLogParserTest {

  private final PythonSocketIoLogParser parser = new PythonSocketIoLogParser();

  @Test
  void realPythonEngineioLines() {
    // python-engineio#29, Flask-SocketIO#591 and #1417, and a 2025 uvicorn log (all public issues)
    String text =
        "engineio: 8fd756b7159c48fc9332d6058de773d2: Sending packet OPEN data {'pingInterval': 25000, 'pingTimeout': 60000, 'upgrades': [], 'sid': '8fd756b7159c48fc9332d6058de773d2'}\n"
            + "INFO ? werkzeug: 127.0.0.1 - - \"GET /socket.io/?EIO=3&transport=polling&t=LSzRpPJ HTTP/1.0\" 200 -\n"
            + "WARNING ? engineio: Invalid session 8fd756b7159c48fc9332d6058de773d2\n"
            + "2017-11-24 16:52:37,883:INFO:engineio:f9d31e8cda074b7a9b51307afeb6c3c9: Sending packet MESSAGE data 2/test,[\"connect\",\"I am server!\"]\n"
            + "2025-07-02 15:33:20,983 - engineio.server - INFO - Wcw1K79hFy6TGj8-AAAA: Upgrade to websocket successful\n"
            + "2020-11-28T20:20:26.267794+00:00 app[web.2]: Invalid session 9830f0ac70ef4f748ad31f5a4b18240a\n"
            + "INFO:engineio.server:Wcw1K79hFy6TGj8-AAAA: Client is gone, closing socket\n"
            + "INFO:engineio.server:Wcw1K79hFy6TGj8-AAAA: Received packet PONG data \n"
            + "INFO:engineio.server:Wcw1K79hFy6TGj8-AAAA: Sending packet PING data None\n"
            + "INFO:engineio.server:Wcw1K79hFy6TGj8-AAAA: Received request to upgrade to websocket\n"
            + "INFO:engineio.server:Wcw1K79hFy6TGj8-AAAA: Failed websocket upgrade, no UPGRADE packet\n"
            + "WARNING:engineio.server:http://evil.example is not an accepted origin.\n";
    CollectingSink s = Parse.text(parser, "flask.log", text);
    assertThat(s.lines).hasSize(12);
    LogLine open = s.lines.get(0);
    assertThat(open.event()).isEqualTo(LogEvent.HANDSHAKE);
    assertThat(open.sid()).contains("8fd756b7159c48fc9332d6058de773d2");
    assertThat(open.source()).isEqualTo("engineio");
    assertThat(s.lines.get(1).event()).isEqualTo(LogEvent.OTHER);
    LogLine invalid = s.lines.get(2);
    assertThat(invalid.event()).isEqualTo(LogEvent.UNKNOWN_SID);
    assertThat(invalid.sid()).contains("8fd756b7159c48fc9332d6058de773d2");
    assertThat(invalid.level()).isEqualTo("warning");
    LogLine msg = s.lines.get(3);
    assertThat(msg.time()).isEqualTo(Instant.parse("2017-11-24T16:52:37.883Z"));
    assertThat(msg.sid()).contains("f9d31e8cda074b7a9b51307afeb6c3c9");
    assertThat(msg.level()).isEqualTo("info");
    LogLine up = s.lines.get(4);
    assertThat(up.event()).isEqualTo(LogEvent.UPGRADE_DONE);
    assertThat(up.sid()).contains("Wcw1K79hFy6TGj8-AAAA");
    assertThat(up.source()).isEqualTo("engineio.server");
    LogLine heroku = s.lines.get(5);
    assertThat(heroku.node()).isEqualTo("web.2");
    assertThat(heroku.event()).isEqualTo(LogEvent.UNKNOWN_SID);
    assertThat(heroku.time()).isEqualTo(Instant.parse("2020-11-28T20:20:26.267794Z"));
    assertThat(s.lines.get(6).event()).isEqualTo(LogEvent.CLOSED);
    assertThat(s.lines.get(6).fact().text()).isEqualTo("ping timeout");
    assertThat(s.lines.get(7).event()).isEqualTo(LogEvent.PONG_RECEIVED);
    assertThat(s.lines.get(8).event()).isEqualTo(LogEvent.PING_SENT);
    assertThat(s.lines.get(9).event()).isEqualTo(LogEvent.UPGRADE_STARTED);
    assertThat(s.lines.get(10).event()).isEqualTo(LogEvent.UPGRADE_INCOMPLETE);
    assertThat(s.lines.get(11).event()).isEqualTo(LogEvent.ORIGIN_NOT_ACCEPTED);
    assertThat(s.lines.get(11).fact().text()).isEqualTo("http://evil.example");
  }

  @Test
  void theServersCloseAndItsProcessStartAndStop() {
    // python-engineio 4.x: server.py's "Server initialized for %s.", socket.py's close() sending
    // CLOSE, async_server.py's service task ending ("service task canceled"; 4.9+ shutdown() first
    // logs "Socket.IO is shutting down"), as sample-captures/*python* record them
    String text =
        "2026-12-08 02:31:24,912 INFO engineio.server: Server initialized for aiohttp.\n"
            + "2026-12-08 01:49:22,251 INFO engineio.server: MNr359xf3r8eXIxLAAAA: Sending packet CLOSE data None\n"
            + "2026-12-08 02:31:22,622 INFO engineio.server: service task canceled\n"
            + "INFO:engineio.server:Socket.IO is shutting down\n"
            + "INFO:engineio.server:event loop is closed, exiting service task\n"
            // the same words from the application's own logger, or bare: not python-engineio's
            + "2026-12-08 02:31:24,912 INFO app: Server initialized for aiohttp.\n"
            + "service task canceled\n";
    CollectingSink s = Parse.text(parser, "server.log", text);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.SERVER_STARTED, LogEvent.CLOSED, LogEvent.SERVER_STOPPED, LogEvent.SERVER_STOPPED,
        LogEvent.SERVER_STOPPED, LogEvent.OTHER, LogEvent.OTHER);
    LogLine close = s.lines.get(1);
    assertThat(close.sid()).contains("MNr359xf3r8eXIxLAAAA");
    assertThat(close.fact().text()).isEqualTo("forced close");
    assertThat(s.lines.get(0).time()).isEqualTo(Instant.parse("2026-12-08T02:31:24.912Z"));
  }

  @Test
  void werkzeugAccessLinesGiveTheirSid() {
    LogLine l =
        Parse.text(
                parser,
                "flask.log",
                "66.242.122.238 - - [04/Dec/2015 12:19:20] \"POST /socket.io/?EIO=3&transport=polling&t=1449249553721-1&sid=68850f3ae4b040a396be1c9d98366b43 HTTP/1.1\" 200 -\n")
            .lines
            .get(0);
    assertThat(l.sid()).contains("68850f3ae4b040a396be1c9d98366b43");
    assertThat(l.event()).isEqualTo(LogEvent.OTHER);
  }

  @Test
  void pythonSocketIo57AsRecordedHere() {
    // sample-captures/*python*: logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    String text =
        "2026-12-07 14:06:29,445 ERROR engineio.server: The client is using an unsupported version of the Socket.IO or Engine.IO protocols (further occurrences of this error will be logged with level INFO)\n"
            + "2026-12-07 14:06:29,446 INFO aiohttp.access: 127.0.0.1 [07/Dec/2026:14:06:29 +0000] \"GET /socket.io/?EIO=3&transport=polling&t=Q9GqzGx HTTP/1.1\" 400 270 \"-\" \"Mozilla/5.0\"\n"
            + "2026-12-07 14:06:41,157 INFO engineio.server: fDVm0HM_3iOJoCjxAAAA: Sending packet MESSAGE data 4{\"message\":\"Connection rejected by server\"}\n"
            + "2026-12-07 14:06:54,265 ERROR engineio.server: http://127.0.0.1:38795 is not an accepted origin. (further occurrences of this error will be logged with level INFO)\n"
            + "2026-12-07 14:07:01,130 ERROR engineio.server: Invalid session G9s3jCEvAz4w-uDVAAAB (further occurrences of this error will be logged with level INFO)\n"
            + "2026-12-07 14:07:02,000 ERROR engineio.server: Invalid websocket upgrade (further occurrences of this error will be logged with level INFO)\n"
            + "2026-12-07 14:07:03,000 WARNING engineio.server: Application rejected connection\n"
            + "2026-12-07 14:07:04,000 ERROR engineio.server: Invalid transport (further occurrences of this error will be logged with level INFO)\n";
    CollectingSink s = Parse.text(parser, "server.log", text);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.UNSUPPORTED_PROTOCOL_VERSION, LogEvent.OTHER, LogEvent.CONNECT_ERROR_SENT,
        LogEvent.ORIGIN_NOT_ACCEPTED, LogEvent.UNKNOWN_SID, LogEvent.TRANSPORT_MISMATCH,
        LogEvent.CONNECT_ERROR_SENT, LogEvent.UNKNOWN_TRANSPORT);
    assertThat(s.lines.get(0).time()).isEqualTo(Instant.parse("2026-12-07T14:06:29.445Z"));
    assertThat(s.lines.get(0).level()).isEqualTo("error");
    assertThat(s.lines.get(1).sid()).isEmpty();
    assertThat(s.lines.get(2).sid()).contains("fDVm0HM_3iOJoCjxAAAA");
    assertThat(s.lines.get(2).fact().text()).isEqualTo("Connection rejected by server");
    assertThat(((LogFact.ConnectErrorSent) s.lines.get(2).fact()).packet().errorIsBareString()).isFalse();
    assertThat(s.lines.get(3).fact().text()).isEqualTo("http://127.0.0.1:38795");
    assertThat(s.lines.get(4).sid()).contains("G9s3jCEvAz4w-uDVAAAB");
  }

  @Test
  void theSocketIoPacketsOfARefusedNamespaceAndAServerDisconnect() {
    // sample-captures/invalid-namespace--python-unknown-namespace and
    // server-forced-disconnect--python-server-disconnects (python-socketio 5.7.2)
    String text =
        "2026-12-07 23:20:13,329 INFO engineio.server: T5Gz_R0D4hTEK9TfAAAA: Sending packet MESSAGE data 4/admin,\"Unable to connect\"\n"
            + "2026-12-07 23:20:23,214 INFO socketio.server: Disconnecting UG18_zMUhIjHezFqAAAB [/]\n"
            + "2026-12-07 23:20:23,215 INFO engineio.server: 9mNuPxmcLX0KWK3sAAAA: Sending packet MESSAGE data 1\n"
            + "2026-12-07 23:20:23,216 INFO engineio.server: 9mNuPxmcLX0KWK3sAAAA: Sending packet MESSAGE data 1/chat,\n"
            // always_connect=True refuses with a DISCONNECT carrying the reason: not a plain disconnect
            + "2026-12-07 23:20:23,217 INFO engineio.server: 9mNuPxmcLX0KWK3sAAAA: Sending packet MESSAGE data 1{\"message\":\"Connection rejected by server\"}\n"
            + "2026-12-07 23:20:23,218 INFO engineio.server: 9mNuPxmcLX0KWK3sAAAA: Sending packet MESSAGE data 2[\"chat\",\"1 left\"]\n";
    CollectingSink s = Parse.text(parser, "server.log", text);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.CONNECT_ERROR_SENT, LogEvent.OTHER, LogEvent.CLOSED, LogEvent.CLOSED, LogEvent.OTHER, LogEvent.OTHER);
    LogFact.ConnectErrorSent refused = (LogFact.ConnectErrorSent) s.lines.get(0).fact();
    assertThat(refused.packet().namespace()).isEqualTo("/admin");
    assertThat(refused.packet().errorIsBareString()).isTrue();
    assertThat(refused.text()).isEqualTo("Unable to connect");
    assertThat(s.lines.get(0).sid()).contains("T5Gz_R0D4hTEK9TfAAAA");
    assertThat(s.lines.get(2).closedFor(CloseReason.SERVER_NAMESPACE_DISCONNECT)).isTrue();
    assertThat(s.lines.get(2).sid()).contains("9mNuPxmcLX0KWK3sAAAA");
    assertThat(s.lines.get(3).closedFor(CloseReason.SERVER_NAMESPACE_DISCONNECT)).isTrue();
  }

  @Test
  void sniffsItsOwnLinesAndNotNettyOrNginx() {
    assertThat(Parse.sniff(parser, "2026-12-07 14:06:54,265 ERROR engineio.server: http://a.example is not an accepted origin.\n")).isTrue();
    assertThat(Parse.sniff(parser, "2026-12-07T14:10:50.040Z [nioEventLoopGroup-3-1] DEBUG com.corundumstudio.socketio.transport.PollingTransport - a815af83-667b-4087-bec0-ca393e00573f is not registered. Closing connection\n")).isFalse();
    assertThat(Parse.sniff(parser, "127.0.0.1 - - [26/Nov/2026:03:15:38 +0000] \"GET / HTTP/1.1\" 200 706 \"-\" \"Mozilla/5.0\"\n")).isFalse();
  }

  @Test
  void theOpenPacketOfThePythonDictBecomesJson() {
    CollectingSink s = Parse.text(parser, "server.log",
        "2026-12-07 14:04:24,109 INFO engineio.server: 7_9tQ_4A-kEt3OusAAAA: Sending packet OPEN data {'sid': '7_9tQ_4A-kEt3OusAAAA', 'upgrades': ['websocket'], 'pingTimeout': 20000, 'pingInterval': 25000}\n"
            + "2026-12-07 14:04:25,000 INFO engineio.server: 8_9tQ_4A-kEt3OusAAAA: Sending packet OPEN data {'sid': '8_9tQ_4A-kEt3OusAAAA', 'upgrades': [], 'x': True, 'y': None\n");
    assertThat(s.lines.get(0).event()).isEqualTo(LogEvent.HANDSHAKE);
    assertThat(s.lines.get(0).fact().text()).isEqualTo(
        "{\"sid\": \"7_9tQ_4A-kEt3OusAAAA\", \"upgrades\": [\"websocket\"], \"pingTimeout\": 20000, \"pingInterval\": 25000}");
    // cut before its closing brace: no JSON, the sid still counts
    assertThat(s.lines.get(1).fact().text()).isNull();
    assertThat(s.lines.get(1).sid()).contains("8_9tQ_4A-kEt3OusAAAA");
  }

  // ---------------------------------------------------------------- detection

  private MatchStrength matchOf(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return parser.match(b, b.length);
  }

  private static String detected(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return new InputReader().detect(b, b.length);
  }

  /** The lines of sample-captures/*python*: basicConfig with "%(asctime)s %(levelname)s %(name)s: %(message)s". */
  private static final String OPEN =
      "2026-12-07 14:06:41,137 INFO engineio.server: fDVm0HM_3iOJoCjxAAAA: Sending packet OPEN data {'sid': 'fDVm0HM_3iOJoCjxAAAA', 'upgrades': ['websocket'], 'pingTimeout': 20000, 'pingInterval': 25000}";

  /** Application output between python-engineio's lines: uvicorn, aiohttp and werkzeug access lines, prints. */
  private static final String APP_LINES =
      "INFO:     Started server process [4242]\n"
          + "INFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)\n"
          + "INFO:     127.0.0.1:54321 - \"GET /socket.io/?EIO=4&transport=polling&t=cg92lw5g HTTP/1.1\" 200 OK\n"
          + "2026-12-07 14:06:41,035 INFO aiohttp.access: 127.0.0.1 [07/Dec/2026:14:06:40 +0000] \"GET / HTTP/1.1\" 200 261 \"-\" \"Mozilla/5.0\"\n"
          + " * Serving Flask app 'app'\n"
          + " * Running on http://127.0.0.1:5000\n"
          + "127.0.0.1 - - [04/Dec/2015 12:19:20] \"GET /socket.io/?EIO=3&transport=polling&t=LSzRpPJ HTTP/1.0\" 200 -\n"
          + "2026-12-07 14:06:41,157 INFO app: [server] rejecting r_Zfjd8cx5dyhdB2AAAB: no valid token in None\n"
          + "connected clients: 3\n"
          + "(Press CTRL+C to quit)\n";

  /** Each line is read as python's, and makes a python log of the application's output around it. */
  private void readAmongAppOutput(String... lines) {
    for (String l : lines) {
      assertThat(parser.readsLine().test(l)).as(l).isTrue();
      assertThat(detected(APP_LINES + l + "\n")).as(l).isEqualTo("python-socketio");
    }
  }

  private void notRead(String... lines) {
    for (String l : lines) {
      assertThat(parser.readsLine().test(l)).as(l).isFalse();
    }
  }

  @Test
  void aReadmeQuotingPythonMessagesIsNoPythonLog() {
    // the prose and code of the captures' README.md / scenario.js files that quote python-engineio
    String[] quoted = {
      "checks `Origin` itself and answers **400** `\"http://127.0.0.1:<port> is not an accepted origin.\"`",
      "  http://127.0.0.1:… is not an accepted origin. (further occurrences …)`).",
      "// engineio answers 400 \"<origin> is not an accepted origin.\" without CORS headers.",
      "`\"Invalid session <sid>\"` and logs `Invalid session <sid> (further occurrences of this error will be",
      "// that did not issue a sid answers 400 \"Invalid session <sid>\".",
      "polling (its default), which python-engineio refuses with **400** `\"Invalid transport\"` (a JSON",
      "`\"The client is using an unsupported version of the Socket.IO or Engine.IO protocols\"`.",
      "  engineio.server: The client is using an unsupported version … (further occurrences of this error",
      "| `version-mismatch--v2-client-python-server` | `version-mismatch` | capture.har entries[2] (400 `\"The client is using an unsupported version…\"`) | server.log |",
      "the server then logs Invalid session abcdefgh1234 and answers 400",
      "    logger.info('%s: Sending packet %s data %s', self.sid, pkt, data)",
    };
    for (String q : quoted) {
      assertThat(parser.readsLine().test(q)).as(q).isFalse();
      assertThat(matchOf(q + "\n")).as(q).isEqualTo(MatchStrength.NO_MATCH);
    }
    // a README that quotes a real log line, whole, in a code block: one line of a document
    String readme = "# cors-missing-headers--python-origin-rejected\n\n"
        + "python-socketio 5.7 checks the Origin itself and answers 400 without CORS headers.\n\n"
        + "- Decisive: `capture.har` `entries[2]` and `server.log` line 4:\n\n"
        + "```\n"
        + "2026-12-07 14:06:54,265 ERROR engineio.server: http://127.0.0.1:38795 is not an accepted origin.\n"
        + "```\n\n"
        + "The fix is `cors_allowed_origins`.\n";
    assertThat(matchOf(readme)).isEqualTo(MatchStrength.NO_MATCH);
    assertThat(detected(readme)).isNull();
    // a log pasted under a heading is a document, but mostly log: a weak match, still read
    String pasted = "# server log\n```\n" + OPEN + "\n" + OPEN + "\n" + OPEN + "\n```\n";
    assertThat(matchOf(pasted)).isEqualTo(MatchStrength.WEAK_MATCH);
    assertThat(detected(pasted)).isEqualTo("python-socketio");
  }

  @Test
  void oneEngineIoLineAmongManyAppLinesIsStillAPythonLog() {
    assertThat(matchOf(APP_LINES)).isEqualTo(MatchStrength.NO_MATCH);
    assertThat(detected(APP_LINES)).isNotEqualTo("python-socketio");
    String log = APP_LINES + OPEN + "\n" + APP_LINES;
    assertThat(matchOf(log)).isEqualTo(MatchStrength.SOLID_MATCH);
    assertThat(detected(log)).isEqualTo("python-socketio");
    // python-engineio's own StreamHandler (logger=True, no logging configured): the bare message
    String bare = APP_LINES + "fDVm0HM_3iOJoCjxAAAA: Received request to upgrade to websocket\n";
    assertThat(detected(bare)).isEqualTo("python-socketio");
  }

  @Test
  void aTimestampPrefixBeforeTheLoggingFormatStillReads() {
    // docker logs -t and kubectl logs --timestamps put an RFC 3339 time before each line
    String[] lines = {
      "2026-12-07T14:06:41.137123456Z " + OPEN,
      "2026-12-07T14:06:41.137123456Z fDVm0HM_3iOJoCjxAAAA: Upgrade to websocket successful",
      "2026-12-07T14:06:41.137123456Z INFO:engineio.server:Invalid session fDVm0HM_3iOJoCjxAAAA",
      "[2026-12-07 14:06:41,137] INFO in server: fDVm0HM_3iOJoCjxAAAA: Client is gone, closing socket",
    };
    readAmongAppOutput(lines);
    CollectingSink s = Parse.text(parser, "server.log", lines[0] + "\n");
    assertThat(s.lines.get(0).event()).isEqualTo(LogEvent.HANDSHAKE);
    assertThat(s.lines.get(0).time()).isEqualTo(Instant.parse("2026-12-07T14:06:41.137123456Z"));
  }

  @Test
  void aCollectorsHeaderBeforeTheLoggingFormatStillReads() {
    // journalctl -u app (short and short-iso), /var/log/syslog: "host ident[pid]: " before the line
    String[] lines = {
      "Dec 07 14:06:41 web-1 gunicorn[1234]: fDVm0HM_3iOJoCjxAAAA: Sending packet PING data None",
      "Dec  7 14:06:41 web-1 python3[1234]: INFO:engineio.server:Invalid session fDVm0HM_3iOJoCjxAAAA",
      "2026-12-07T14:06:41+0000 web-1 gunicorn[1234]: fDVm0HM_3iOJoCjxAAAA: Upgrade to websocket successful",
      "Dec 07 14:06:41 web-1 app.py[77]: INFO engineio.server: Server initialized for eventlet.",
      // docker compose logs: the service column
      "web-1  | fDVm0HM_3iOJoCjxAAAA: Received packet PONG data None",
      "chat_server_1 | INFO:engineio.server:fDVm0HM_3iOJoCjxAAAA: Client is gone, closing socket",
    };
    readAmongAppOutput(lines);
    String[] prose = {
      "Dec 07 the server said: Invalid session fDVm0HM_3iOJoCjxAAAA",
      "Dec 07 14:06:41 web-1 gunicorn[1234]: the client sent Invalid session fDVm0HM_3iOJoCjxAAAA",
      "Dec 07 14:06:41 web-1 gunicorn[x]: Invalid session fDVm0HM_3iOJoCjxAAAA",
      "| a | Invalid session fDVm0HM_3iOJoCjxAAAA |",
      "web-1 said | Invalid session fDVm0HM_3iOJoCjxAAAA",
    };
    notRead(prose);
  }

  @Test
  void theMessageStandsWhereALoggingFormatPutsIt() {
    String m = "Invalid session fDVm0HM_3iOJoCjxAAAA";
    for (String prefix : new String[] {
        "", "INFO:engineio.server:", " ERROR engineio.server: ", " - engineio.server - INFO - ",
        ":INFO:engineio:", "engineio: ", "WARNING ? engineio: ", " INFO in server: ", "[4242] [INFO] ",
        // tornado's pretty logging, rich's handler, a coloured level, loguru's intercept
        "[I 261207 14:06:41 server:411] ", "[12/07/26 14:06:41] INFO     ", "\u001b[32mINFO\u001b[0m:     ",
        " | INFO     | engineio.server:_log:123 - "}) {
      assertThat(PythonSocketIoLogParser.atLoggingPosition(prefix + m, prefix.length(), false, false))
          .as("'%s'", prefix).isTrue();
    }
    for (String prefix : new String[] {
        "answers 400 ", "`", "\"", "// ", "* ", "> ", "the engineio logs: ", "INFO the server then said: ",
        "INFOx", "app: ", "| a | ", "I think: ", "see docs/engineio.md: ", "[X 261207] "}) {
      assertThat(PythonSocketIoLogParser.atLoggingPosition(prefix + m, prefix.length(), false, false))
          .as("'%s'", prefix).isFalse();
    }
    assertThat(PythonSocketIoLogParser.atLoggingPosition(m, 0, true, false)).as("indented").isFalse();
  }

  @Test
  void aLineOfPythonSocketIosOwnLoggersCountsWhateverItsMessage() {
    // sample-captures/healthy--python-socketio-aiohttp/server.log lines 1 and 17
    String[] theirs = {
      "2026-12-07 14:04:20,675 INFO engineio.server: Server initialized for aiohttp.",
      "2026-12-07 14:04:25,477 INFO socketio.server: received event \"chat\" from nW82JW2idTtdsBL6AAAB [/]",
      "INFO:engineio.server:service task canceled",
      "2025-07-02 15:33:20,983 - socketio.server - INFO - emitting event \"chat\" to nW82JW2idTtdsBL6AAAB [/]",
    };
    readAmongAppOutput(theirs);
    String[] others = {
      "2026-12-07 14:04:20,675 INFO app: Server initialized for aiohttp.",
      "socketio.example.com:443 - GET /socket.io/?EIO=4",
      "  engineio.server: The client is using an unsupported version … (further occurrences of this error",
      "the engineio.server: logger is quiet",
      "`engineio.server`: set engineio_logger=True",
    };
    notRead(others);
  }

  @Test
  void aiohttpsAccessLineOfAWebSocketIsTheEndPythonEngineioDoesNotLog() {
    // sample-captures/network-interruption--python-tcp-proxy-drop and server-overloaded--python-blocking-handler
    // (python-engineio 4.3.4 on aiohttp 3.8): a dropped WebSocket leaves no line of python-engineio's;
    // aiohttp writes the request's access line when the handler returns, i.e. when the WebSocket ended
    String ua = " 101 0 \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"\n";
    String text =
        "2026-12-08 03:58:34,262 INFO engineio.server: OuQPe08AE3LJ7O1DAAAA: Received request to upgrade to websocket\n"
            + "2026-12-08 03:58:34,276 INFO engineio.server: OuQPe08AE3LJ7O1DAAAA: Upgrade to websocket successful\n"
            + "2026-12-08 03:58:38,124 INFO aiohttp.access: 127.0.0.1 [08/Dec/2026:03:58:34 +0000] \"GET /socket.io/?EIO=4&transport=websocket&sid=OuQPe08AE3LJ7O1DAAAA HTTP/1.1\"" + ua
            // a WebSocket-only client's session is its WebSocket: no sid in its URL
            + "2026-12-08 04:01:02,137 INFO aiohttp.access: 127.0.0.1 [08/Dec/2026:04:00:47 +0000] \"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\" 101 0 \"-\" \"-\"\n"
            // a probe whose upgrade never completed ended the probe only (sticky-session-missing--python-two-workers)
            + "2026-12-07 14:26:11,914 INFO engineio.server: rh8wWEONVx3fEnhRAAAA: Received request to upgrade to websocket\n"
            + "2026-12-07 14:26:11,916 INFO aiohttp.access: 127.0.0.1 [07/Dec/2026:14:26:11 +0000] \"GET /socket.io/?EIO=4&transport=websocket&sid=rh8wWEONVx3fEnhRAAAA HTTP/1.1\"" + ua
            // an end python-engineio logged (heartbeat-timeout--python-blocked-main-thread): the access line is no second one
            + "2026-12-08 02:29:59,551 INFO engineio.server: scjQIzqaeHLwuAYsAAAA: Upgrade to websocket successful\n"
            + "2026-12-08 02:30:02,184 INFO engineio.server: scjQIzqaeHLwuAYsAAAA: Client is gone, closing socket\n"
            + "2026-12-08 02:30:02,623 INFO aiohttp.access: 127.0.0.1 [08/Dec/2026:02:29:59 +0000] \"GET /socket.io/?EIO=4&transport=websocket&sid=scjQIzqaeHLwuAYsAAAA HTTP/1.1\"" + ua
            // the client closed on purpose (a Socket.IO DISCONNECT): no drop either
            + "2026-12-08 05:00:00,000 INFO engineio.server: T5Gz_R0D4hTEK9TfAAAA: Upgrade to websocket successful\n"
            + "2026-12-08 05:00:01,000 INFO engineio.server: T5Gz_R0D4hTEK9TfAAAA: Received packet MESSAGE data 1\n"
            + "2026-12-08 05:00:01,002 INFO aiohttp.access: 127.0.0.1 [08/Dec/2026:05:00:00 +0000] \"GET /socket.io/?EIO=4&transport=websocket&sid=T5Gz_R0D4hTEK9TfAAAA HTTP/1.1\"" + ua
            // polling requests, refusals (400) and lines of another logger are no ends
            + "2026-12-08 03:58:34,199 INFO aiohttp.access: 127.0.0.1 [08/Dec/2026:03:58:34 +0000] \"GET /socket.io/?EIO=4&transport=polling&t=6627261f HTTP/1.1\" 200 289 \"-\" \"-\"\n"
            + "2026-12-07 14:26:11,088 INFO aiohttp.access: 127.0.0.1 [07/Dec/2026:14:26:11 +0000] \"GET /socket.io/?EIO=4&transport=websocket&sid=I2s5PyT9-xP9KtAoAAAA HTTP/1.1\" 400 277 \"-\" \"-\"\n"
            + "2026-12-08 05:00:02,000 INFO app: saw \"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\" 101 in aiohttp.access\n";
    CollectingSink s = Parse.text(parser, "server.log", text);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.UPGRADE_STARTED, LogEvent.UPGRADE_DONE, LogEvent.CLOSED, LogEvent.CLOSED,
        LogEvent.UPGRADE_STARTED, LogEvent.OTHER,
        LogEvent.UPGRADE_DONE, LogEvent.CLOSED, LogEvent.OTHER,
        LogEvent.UPGRADE_DONE, LogEvent.OTHER, LogEvent.OTHER,
        LogEvent.OTHER, LogEvent.OTHER, LogEvent.OTHER);
    LogLine dropped = s.lines.get(2);
    assertThat(dropped.sid()).contains("OuQPe08AE3LJ7O1DAAAA");
    assertThat(dropped.closedFor(CloseReason.UNEXPLAINED)).isTrue();
    assertThat(dropped.time()).as("the line's own time: when the WebSocket ended").isEqualTo(Instant.parse("2026-12-08T03:58:38.124Z"));
    assertThat(s.lines.get(3).sid()).isEmpty();
    assertThat(s.lines.get(3).closedFor(CloseReason.UNEXPLAINED)).isTrue();
    assertThat(s.lines.get(7).closedFor(CloseReason.PING_TIMEOUT)).isTrue();
  }
}
