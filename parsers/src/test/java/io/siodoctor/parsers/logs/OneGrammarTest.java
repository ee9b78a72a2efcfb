package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.format.MatchStrength;
import org.junit.jupiter.api.Test;

/**
 * The line formats that detect with their own line reader: a line the parser reads (a record with
 * a time) is a line detection counts, and a near miss the parser keeps as plain text (no time, no
 * request) is detected by nobody's grammar but its own fallback. One grammar, written once.
 * Producers whose logs interleave other output (the application's lines, a stack trace) read those
 * lines too but do not count them: their tests show a counted line, a near miss, and the share of
 * counted lines (or the one marked line) detection needs.
 */
class OneGrammarTest {

  @Test
  void squid() {
    String read = "1765108801.456     12 127.0.0.1 TCP_MISS/200 345 GET http://app.example.com/socket.io/?EIO=4"
        + "&transport=polling&t=PqR1 - HIER_DIRECT/203.0.113.7 text/plain";
    aLineIsDetectedExactlyWhenItsParserReadsIt(new SquidAccessLogParser(), read, read.replace("/200 ", "/2x0 "));
  }

  @Test
  void nginxError() {
    String read = "2026/11/26 03:16:42 [error] 9065#9065: *1 connect() failed (111: Connection refused) while"
        + " connecting to upstream";
    aLineIsDetectedExactlyWhenItsParserReadsIt(new NginxErrorLogParser(), read, read.replace("2026/11/26", "2026-11-26"));
  }

  @Test
  void haproxy() {
    String read = "Feb  6 12:14:15 localhost haproxy[14389]: 10.0.1.2:33318 [06/Feb/2009:12:14:15.001] http-in"
        + " static/srv1 0/0/1/2/60003 101 225 - - cD-- 1/1/1/1/0 0/0 \"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\"";
    aLineIsDetectedExactlyWhenItsParserReadsIt(new HaproxyLogParser(), read, read.replace(" static/srv1 ", " static "));
  }

  @Test
  void nginxAccess() {
    String read = "127.0.0.1 - - [26/Nov/2026:03:15:38 +0000] \"GET /socket.io/?EIO=4&transport=polling&t=zcmsnyuv"
        + " HTTP/1.1\" 200 118 \"http://127.0.0.1:47021/\" \"Mozilla/5.0\" 127.0.0.1:47022 0.012";
    // HAProxy's accept date has no zone: not a combined line
    aLineIsDetectedExactlyWhenItsParserReadsIt(new NginxAccessLogParser(), read,
        read.replace("03:15:38 +0000]", "03:15:38.001]"));
  }

  @Test
  void awsAlb() {
    String read = AwsAlbLogParserTest.WS;
    aLineIsDetectedExactlyWhenItsParserReadsIt(new AwsAlbLogParser(), read, "ftp" + read.substring(read.indexOf(' ')));
  }

  @Test
  void apacheError() {
    String read = "[Mon Dec 07 14:29:40.191170 2026] [proxy_http:error] [pid 9901:tid 9950] (104)Connection reset by"
        + " peer: [client 127.0.0.1:5555] AH01102: error reading status line from remote server 127.0.0.1:3000";
    // Apache pads the day of the month to two digits
    aLineIsDetectedExactlyWhenItsParserReadsIt(new ApacheErrorLogParser(), read, read.replace("Dec 07", "Dec 7"));
    // the default format's brackets after the time: a timed line without [pid ...] is not counted
    assertThat(new ApacheErrorLogParser().readsLine().test(read.replace(" [pid 9901:tid 9950]", ""))).isFalse();
  }

  @Test
  void envoy() {
    String read = ProxyLogParsersTest.ENVOY.lines().findFirst().orElseThrow();
    // the default format's START_TIME is ISO 8601 with its 'T'
    aLineIsDetectedExactlyWhenItsParserReadsIt(new EnvoyAccessLogParser(), read, read.replaceFirst("T", " "));
  }

  @Test
  void herokuRouter() {
    HerokuRouterLogParser p = new HerokuRouterLogParser();
    String read = ProxyLogParsersTest.HEROKU.lines().findFirst().orElseThrow();
    String app = "2026-12-07T14:32:00.100000+00:00 app[web.2]: Invalid session Lbo5JLzTotvW3g2LAAAA";
    // the router always logs the path and the status: a line without them is not its line
    String nearMiss = read.replace(" status=503", "");
    assertThat(timeOf(p, read)).as("parsed").isTrue();
    assertThat(p.readsLine().test(read)).isTrue();
    assertThat(p.readsLine().test(app)).isFalse();
    assertThat(p.readsLine().test(nearMiss)).isFalse();
    // one router line is the producer's own mark, among any number of the app's lines
    assertThat(matchOf(p, app + "\n" + app + "\n" + read + "\n")).isEqualTo(MatchStrength.FULL_MATCH);
    assertThat(matchOf(p, app + "\n" + nearMiss + "\n")).isEqualTo(MatchStrength.NO_MATCH);
  }

  private static MatchStrength matchOf(LineLogParser p, String text) {
    byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return p.match(b, b.length);
  }

  @Test
  void javaClient() {
    JavaClientLogParser p = new JavaClientLogParser();
    String header = "Dec 07, 2026 2:05:21 PM io.socket.engineio.client.Socket onClose";
    String slf4j = "2026-12-07T14:04:35.120Z [EventThread] DEBUG io.socket.engineio.client.Socket - socket close"
        + " with reason: transport error";
    // a stack trace through the client names its package, but is no line the client logged
    String nearMiss = "\tat io.socket.engineio.client.Socket.onClose(Socket.java:812)";
    assertThat(timeOf(p, slf4j)).as("parsed").isTrue();
    assertThat(p.readsLine().test(slf4j)).isTrue();
    assertThat(p.readsLine().test(nearMiss)).isFalse();
    assertThat(matchOf(p, nearMiss + "\n" + header + "\nINFO: closed\n")).isEqualTo(MatchStrength.FULL_MATCH);
    assertThat(matchOf(p, slf4j + "\n")).isEqualTo(MatchStrength.FULL_MATCH);
    assertThat(matchOf(p, nearMiss + "\n" + nearMiss + "\n")).isEqualTo(MatchStrength.NO_MATCH);
    // another library's logger in the same shape is not the client's mark
    assertThat(matchOf(p, header.replace("engineio.client", "engineio.server") + "\n")).isEqualTo(MatchStrength.NO_MATCH);
  }

  @Test
  void python() {
    PythonSocketIoLogParser p = new PythonSocketIoLogParser();
    String read = "2025-07-02 15:33:20,983 - engineio.server - INFO - Wcw1K79hFy6TGj8-AAAA: Upgrade to websocket"
        + " successful";
    // the sid anchor needs an Engine.IO sid before it: an app's own "user: Sending packet" is not
    String nearMiss = "2025-07-02 15:33:20,983 - app - INFO - user: Sending packet PING data None";
    assertThat(timeOf(p, read)).as("parsed").isTrue();
    assertThat(p.readsLine().test(read)).isTrue();
    assertThat(p.readsLine().test(nearMiss)).isFalse();
    // the message quoted in prose, not where a logging format puts it
    String quoted = "the server answers 400 `\"Invalid session Wcw1K79hFy6TGj8-AAAA\"`";
    assertThat(p.readsLine().test(quoted)).isFalse();
    assertThat(matchOf(p, quoted + "\n")).isEqualTo(MatchStrength.NO_MATCH);
    assertThat(matchOf(p, nearMiss + "\n" + read + "\n")).isEqualTo(MatchStrength.SOLID_MATCH);
    assertThat(matchOf(p, nearMiss + "\n" + nearMiss + "\n")).isEqualTo(MatchStrength.NO_MATCH);
  }

  @Test
  void jsonLines() {
    String read = "{\"level\":\"warn\",\"message\":\"unknown sid \\\"C-UMVuI3T1QZRV4gAAAA\\\"\",\"timestamp\":"
        + "\"2026-11-26T03:15:39.328Z\"}";
    JsonLinesLogParser p = new JsonLinesLogParser();
    assertThat(timeOf(p, read)).as("parsed").isTrue();
    assertThat(p.readsLine().test(read)).isTrue();
    // a time under "date" is read, but an object without a time or level key of a log is data
    String nearMiss = "{\"message\":\"unknown sid\",\"date\":\"2026-11-26T03:15:39.328Z\"}";
    assertThat(p.readsLine().test(nearMiss)).isFalse();
    // something after the object: not a log object either
    assertThat(p.readsLine().test(read + " {}")).isFalse();
    assertThat(matchOf(p, (read + "\n").repeat(4) + nearMiss + "\n")).isEqualTo(MatchStrength.SOLID_MATCH);
    assertThat(matchOf(p, (read + "\n").repeat(3) + nearMiss + "\n" + nearMiss + "\n"))
        .isEqualTo(MatchStrength.NO_MATCH);
  }

  @Test
  void engineIoDebug() {
    EngineIoDebugLogParser p = new EngineIoDebugLogParser();
    String read = "2021-05-15T15:17:22.687Z engine handshaking client \"ssO51L53Emo8zXiyAAAA\"";
    String tty = "  engine:socket writing ping packet - expecting pong within 20000ms +25s";
    // debug always ends a TTY line with its delta: an indented line without one is prose
    String nearMiss = "  engine:socket writing ping packet - expecting pong within 20000ms";
    assertThat(timeOf(p, read)).as("parsed").isTrue();
    assertThat(p.readsLine().test(read)).isTrue();
    assertThat(p.readsLine().test(tty)).isTrue();
    assertThat(Parse.sniff(p, tty + "\n" + tty + "\n")).isTrue();
    assertThat(p.readsLine().test(nearMiss)).isFalse();
    assertThat(Parse.sniff(p, nearMiss + "\n" + nearMiss + "\n")).isFalse();
    // applications print between the debug lines: one read line in five is enough, one in six is not
    String four = (nearMiss + "\n").repeat(4);
    assertThat(Parse.sniff(p, read + "\n" + four)).isTrue();
    assertThat(Parse.sniff(p, read + "\n" + four + nearMiss + "\n")).isFalse();
    // a namespace outside the engine / socket.io families alone is not this producer's log
    assertThat(Parse.sniff(p, read.replace(" engine ", " express:router ") + "\n")).isFalse();
  }

  @Test
  void browserConsole() {
    BrowserConsoleLogParser p = new BrowserConsoleLogParser();
    String chrome = "(index):11 connect_error xhr poll error";
    String firefox = "Firefox can’t establish a connection to the server at ws://localhost:3000/socket.io/?EIO=4"
        + "&transport=websocket. websocket.js:54:20";
    String strong = "GET http://127.0.0.1:47032/socket.io/?EIO=4&transport=polling&t=zdm41e9u"
        + " net::ERR_CONNECTION_REFUSED";
    // the page's own output, and a time that only looks like "file:line" (a Heroku router line)
    String page = "connected BvImfnw-uuIClPFqAAAA via polling";
    String router = ProxyLogParsersTest.HEROKU.lines().findFirst().orElseThrow();
    assertThat(sourceOf(p, chrome)).as("parsed").isEqualTo("(index):11");
    assertThat(sourceOf(p, firefox)).as("parsed").isEqualTo("websocket.js:54:20");
    assertThat(sourceOf(p, router)).as("parsed").isNull();
    assertThat(p.readsLine().test(chrome)).isTrue();
    assertThat(p.readsLine().test(firefox)).isTrue();
    assertThat(p.readsLine().test(strong)).isTrue();
    assertThat(p.readsLine().test(page)).isFalse();
    assertThat(p.readsLine().test(router)).isFalse();
    // one browser message, or two located lines, among at least half counted lines
    assertThat(matchOf(p, strong + "\n" + page + "\n")).isEqualTo(MatchStrength.SOLID_MATCH);
    assertThat(matchOf(p, chrome + "\n" + chrome + "\n" + page + "\n")).isEqualTo(MatchStrength.SOLID_MATCH);
    assertThat(matchOf(p, chrome + "\n" + page + "\n")).isEqualTo(MatchStrength.NO_MATCH);
    assertThat(matchOf(p, strong + "\n" + page + "\n" + page + "\n")).isEqualTo(MatchStrength.NO_MATCH);
    assertThat(matchOf(p, router + "\n" + router + "\n")).isEqualTo(MatchStrength.NO_MATCH);
  }

  @Test
  void caddy() {
    CaddyAccessLogParser p = new CaddyAccessLogParser();
    String read = ProxyLogParsersTest.CADDY.lines().findFirst().orElseThrow();
    // Caddy's own lines of other loggers (the admin API, TLS) are JSON too, but not its HTTP mark
    String other = "{\"level\":\"info\",\"ts\":1796653800.1,\"logger\":\"admin\",\"msg\":\"admin endpoint started\"}";
    // the mark inside a JSON string is no logger of Caddy's
    String quoted = "{\"level\":\"info\",\"ts\":1796653800.1,\"msg\":\"\\\"logger\\\":\\\"http.log.access\\\"\"}";
    String cut = read.substring(0, read.length() - 2);
    assertThat(timeOf(p, read)).as("parsed").isTrue();
    assertThat(Parse.text(p, "x.log", read + "\n").lines.get(0).access()).as("parsed").isNotNull();
    assertThat(p.readsLine().test(read)).isTrue();
    assertThat(p.readsLine().test(other)).isFalse();
    assertThat(p.readsLine().test(quoted)).isFalse();
    assertThat(p.readsLine().test(cut)).isFalse();
    assertThat(matchOf(p, other + "\n" + read + "\n")).isEqualTo(MatchStrength.FULL_MATCH);
    assertThat(matchOf(p, other + "\n" + quoted + "\n")).isEqualTo(MatchStrength.NO_MATCH);
    // four lines in five must be JSON objects: an object cut short is not one
    assertThat(matchOf(p, (read + "\n").repeat(4) + cut + "\n")).isEqualTo(MatchStrength.FULL_MATCH);
    assertThat(matchOf(p, (read + "\n").repeat(3) + cut + "\n" + cut + "\n")).isEqualTo(MatchStrength.NO_MATCH);
  }

  @Test
  void generic() {
    String read = "2026-11-26 03:00:01,500 [ERROR] boom";
    // a stack frame or a continuation has no time of its own: read with the time before it
    aLineIsDetectedExactlyWhenItsParserReadsIt(new GenericLogParser(), read, "\tat com.example.Foo.bar(Foo.java:12)");
    // a time inside the line is not a timestamp
    assertThat(new GenericLogParser().readsLine().test("boom at " + read)).isFalse();
  }

  @Test
  void apacheAccess() {
    String read = ProxyLogParsersTest.APACHE_ACCESS.lines().findFirst().orElseThrow();
    // the same combined line with nginx's $request_time: read by Apache's parser too, not its mark
    combinedLineWithATail(new ApacheAccessLogParser(), read, read.replace("\" 1850", "\" 0.185"));
  }

  @Test
  void traefikAccess() {
    String read = ProxyLogParsersTest.TRAEFIK.lines().findFirst().orElseThrow();
    combinedLineWithATail(new TraefikAccessLogParser(), read, read.replace("\" 3ms", "\" 3"));
  }

  /**
   * Apache's and Traefik's lines are combined lines that end in a mark of their own: the combined
   * grammar reads a line without the mark all the same (as nginx's parser would), but detection
   * counts only marked lines, at least half of them.
   */
  private static void combinedLineWithATail(LineLogParser p, String read, String unmarked) {
    assertThat(timeOf(p, read)).as("parsed").isTrue();
    assertThat(timeOf(p, unmarked)).as("parsed").isTrue();
    assertThat(new NginxAccessLogParser().readsLine().test(unmarked)).isTrue();
    assertThat(p.readsLine().test(read)).isTrue();
    assertThat(p.readsLine().test(unmarked)).isFalse();
    assertThat(matchOf(p, read + "\n" + unmarked + "\n")).isEqualTo(MatchStrength.FULL_MATCH);
    assertThat(matchOf(p, read + "\n" + unmarked + "\n" + unmarked + "\n")).isEqualTo(MatchStrength.NO_MATCH);
    // the mark alone, on a line the combined grammar does not read, is no line of the producer's
    String notCombined = read.replace(" +0000]", "]");
    assertThat(timeOf(p, notCombined)).isFalse();
    assertThat(matchOf(p, notCombined + "\n" + notCombined + "\n")).isEqualTo(MatchStrength.NO_MATCH);
  }

  @Test
  void nettySocketIo() {
    NettySocketIoLogParser p = new NettySocketIoLogParser();
    String read = "2026-12-07T14:10:19.675Z [nioEventLoopGroup-3-2] DEBUG com.corundumstudio.socketio.handler"
        + ".AuthorizeHandler - Handshake authorized for sessionId: 31a5d1cd-6a20-4e29-b96c-d41d23e07318, query params: {}";
    String abbreviated = "2026-12-07 14:10:50.040 [nioEventLoopGroup-3-1] DEBUG c.c.socketio.transport.PollingTransport"
        + " - a815af83-667b-4087-bec0-ca393e00573f is not registered. Closing connection";
    String app = "2026-12-07T14:10:20.155Z [nioEventLoopGroup-3-2] INFO app - [server] connect"
        + " 31a5d1cd-6a20-4e29-b96c-d41d23e07318";
    // the package named outside a logging line: a README, an import, a build file
    String readme = "A working connection to a netty-socketio server (Java, com.corundumstudio.socketio - 2.0.13)";
    String java = "import com.corundumstudio.socketio.SocketIOServer;";
    String pom = "      <groupId>com.corundumstudio.socketio</groupId>";
    assertThat(timeOf(p, read)).as("parsed").isTrue();
    assertThat(p.readsLine().test(read)).isTrue();
    assertThat(p.readsLine().test(abbreviated)).isTrue();
    assertThat(p.readsLine().test(app)).isFalse();
    assertThat(p.readsLine().test(readme)).isFalse();
    assertThat(p.readsLine().test(java)).isFalse();
    assertThat(p.readsLine().test(pom)).isFalse();
    // one line of the server's full logger name is its mark, among any number of the app's lines
    assertThat(matchOf(p, app + "\n" + app + "\n" + read + "\n")).isEqualTo(MatchStrength.FULL_MATCH);
    // logback's abbreviation is shared with other packages: a message the server writes is needed
    assertThat(matchOf(p, abbreviated + "\n")).isEqualTo(MatchStrength.SOLID_MATCH);
    assertThat(matchOf(p, abbreviated.replace("is not registered. Closing connection", "polling") + "\n"))
        .isEqualTo(MatchStrength.NO_MATCH);
    assertThat(matchOf(p, readme + "\n" + java + "\n" + pom + "\n" + app + "\n")).isEqualTo(MatchStrength.NO_MATCH);
  }

  private static String sourceOf(LineLogParser p, String line) {
    return Parse.text(p, "x.log", line + "\n").lines.get(0).source();
  }

  private static void aLineIsDetectedExactlyWhenItsParserReadsIt(LineLogParser p, String read, String nearMiss) {
    assertThat(timeOf(p, read)).as("parsed").isTrue();
    assertThat(p.readsLine().test(read)).isTrue();
    assertThat(Parse.sniff(p, read + "\n" + read + "\n")).isTrue();

    assertThat(timeOf(p, nearMiss)).as("kept as plain text").isFalse();
    assertThat(p.readsLine().test(nearMiss)).isFalse();
    assertThat(Parse.sniff(p, nearMiss + "\n" + nearMiss + "\n")).isFalse();
    // at least half the lines: one read line in two is enough, one in three is not
    assertThat(Parse.sniff(p, read + "\n" + nearMiss + "\n")).isTrue();
    assertThat(Parse.sniff(p, read + "\n" + nearMiss + "\n" + nearMiss + "\n")).isFalse();
  }

  /** Whether the parser read the line as its format: a record with a time of its own. */
  private static boolean timeOf(LineLogParser p, String line) {
    CollectingSink sink = Parse.text(p, "x.log", line + "\n");
    return sink.lines.stream().anyMatch(l -> l.time() != null);
  }
}
