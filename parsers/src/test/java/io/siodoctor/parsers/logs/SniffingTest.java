package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.InputParser;
import io.siodoctor.parsers.InputParsers;
import io.siodoctor.parsers.InputReader;
import com.fasterxml.jackson.core.format.MatchStrength;
import java.util.Collections;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each parser matches its own format more strongly than any other parser does, so the strongest
 * match picks the right parser whatever the order of the list.
 */
class SniffingTest {

  static final Map<String, String> SAMPLES = new LinkedHashMap<>();

  static {
    SAMPLES.put(
        "engineio-debug",
        "2021-05-15T15:17:22.687Z engine handshaking client \"ssO51L53Emo8zXiyAAAA\"\n"
            + "2021-05-15T15:17:22.687Z engine:socket sending packet \"open\" ({\"sid\":\"ssO51L53Emo8zXiyAAAA\",\"upgrades\":[\"websocket\"],\"pingInterval\":20000,\"pingTimeout\":15000})\n"
            + "2021-05-15T15:17:22.688Z engine:polling setting request\n"
            + "app listening on 3000\n");
    SAMPLES.put(
        "engineio-debug/tty",
        "  \u001b[36;1mengine:socket \u001b[0mwriting ping packet - expecting pong within 20000ms \u001b[36m+25s\u001b[0m\n"
            + "  \u001b[33;1mengine \u001b[0mhandling \"GET\" http request \"/socket.io/?EIO=4&transport=polling&t=N8hyd6w\" \u001b[33m+0ms\u001b[0m\n");
    SAMPLES.put(
        "engineio-debug/old",
        "Wed, 30 Aug 2017 17:08:30 GMT engine.io-client:socket creating transport \"polling\"\n"
            + "Wed, 30 Aug 2017 17:08:30 GMT engine.io-client:polling polling\n");
    SAMPLES.put(
        "engineio-debug/hide-date",
        "engine handshaking client \"ssO51L53Emo8zXiyAAAA\"\nengine:socket got pong\nsocket.io:client client close with reason ping timeout\n");
    SAMPLES.put(
        "nginx-access",
        "127.0.0.1 - - [26/Nov/2026:03:15:38 +0000] \"GET / HTTP/1.1\" 200 706 \"-\" \"Mozilla/5.0\" 127.0.0.1:47022 0.005\n"
            + "127.0.0.1 - - [26/Nov/2026:03:15:38 +0000] \"GET /socket.io/?EIO=4&transport=polling&t=zcmsnyuv HTTP/1.1\" 200 118 \"http://127.0.0.1:47021/\" \"Mozilla/5.0\" 127.0.0.1:47022 0.012\n");
    SAMPLES.put(
        "nginx-error",
        "2026/11/26 03:16:40 [notice] 9064#9064: using the \"epoll\" event method\n"
            + "2026/11/26 03:16:42 [error] 9065#9065: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: localhost, request: \"GET /socket.io/?EIO=4&transport=polling&t=zdzu2464 HTTP/1.1\", upstream: \"http://127.0.0.1:47037/socket.io/?EIO=4&transport=polling&t=zdzu2464\", host: \"127.0.0.1:47036\"\n");
    SAMPLES.put(
        "haproxy",
        "Feb  6 12:14:14 localhost haproxy[14389]: 10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} \"GET /index.html HTTP/1.1\"\n"
            + "Feb  6 12:14:15 localhost haproxy[14389]: 10.0.1.2:33318 [06/Feb/2009:12:14:15.001] http-in static/srv1 0/0/1/2/60003 101 225 - - cD-- 1/1/1/1/0 0/0 \"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\"\n");
    SAMPLES.put("aws-alb", AwsAlbLogParserTest.WS + "\n" + AwsAlbLogParserTest.HTTP_502 + "\n");
    SAMPLES.put(
        "json",
        "{\"level\":30,\"time\":1764126000123,\"pid\":4242,\"hostname\":\"node-a\",\"msg\":\"server listening\"}\n"
            + "{\"level\":50,\"time\":1764126000124,\"pid\":4242,\"hostname\":\"node-a\",\"msg\":\"client close with reason ping timeout\"}\n");
    SAMPLES.put(
        "python-socketio",
        "2025-07-02 15:33:20,983 - engineio.server - INFO - Wcw1K79hFy6TGj8-AAAA: Sending packet OPEN data {'sid': 'Wcw1K79hFy6TGj8-AAAA', 'upgrades': ['websocket'], 'pingTimeout': 20000, 'pingInterval': 25000}\n"
            + "2025-07-02 15:33:20,990 - engineio.server - INFO - Wcw1K79hFy6TGj8-AAAA: Upgrade to websocket successful\n");
    SAMPLES.put(
        "python-socketio/bare",
        "8fd756b7159c48fc9332d6058de773d2: Sending packet OPEN data {'pingInterval': 25000, 'sid': '8fd756b7159c48fc9332d6058de773d2'}\n"
            + "127.0.0.1 - - [04/Dec/2015 12:19:20] \"GET /socket.io/?EIO=3&transport=polling&t=LSzRpPJ HTTP/1.0\" 200 -\n"
            + "Invalid session 8fd756b7159c48fc9332d6058de773d2\n");
    SAMPLES.put(
        "netty-socketio",
        "2026-12-07T14:10:16.385Z [nioEventLoopGroup-2-1] INFO com.corundumstudio.socketio.SocketIOServer - SocketIO server started at port: 34555\n"
            + "2026-12-07T14:10:19.675Z [nioEventLoopGroup-3-2] INFO app - [server] connect 31a5d1cd-6a20-4e29-b96c-d41d23e07318\n");
    SAMPLES.put(
        "socketio-java-client",
        "Dec 07, 2026 2:04:35 PM io.socket.engineio.client.Socket onPacket\n"
            + "FINE: socket received: type 'ping', data 'null'\n");
    SAMPLES.put("apache-access", ProxyLogParsersTest.APACHE_ACCESS);
    SAMPLES.put("apache-error", ProxyLogParsersTest.APACHE_ERROR);
    SAMPLES.put("caddy-access", ProxyLogParsersTest.CADDY);
    SAMPLES.put("traefik-access", ProxyLogParsersTest.TRAEFIK);
    SAMPLES.put("envoy-access", ProxyLogParsersTest.ENVOY);
    SAMPLES.put("heroku-router", ProxyLogParsersTest.HEROKU);
    SAMPLES.put(
        "browser-console",
        "socket.io.js:1216 GET http://127.0.0.1:47032/socket.io/?EIO=4&transport=polling&t=zdm41e9u net::ERR_CONNECTION_REFUSED\n"
            + "(index):11 connect_error xhr poll error\n"
            + "(index):12 reconnect attempt 1\n");
    SAMPLES.put(
        "browser-console/timestamps",
        "03:00:01.123 socket.io.js:1216 GET http://127.0.0.1:47032/socket.io/?EIO=4&transport=polling&t=zdm41e9u net::ERR_CONNECTION_REFUSED\n"
            + "03:00:01.130 (index):11 connect_error xhr poll error\n");
    SAMPLES.put(
        "browser-console/app-only",
        "(index):10 connected BvImfnw-uuIClPFqAAAA via polling\n(index):9 transport upgraded to websocket\n(index):11 server says echo: hello 1\n");
    SAMPLES.put(
        "browser-console/firefox",
        "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://localhost:3000/socket.io/?EIO=4&transport=polling&t=NbmcdU. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.\n"
            + "Firefox can’t establish a connection to the server at ws://localhost:3000/socket.io/?EIO=4&transport=websocket. websocket.js:54:20\n");
    SAMPLES.put(
        "generic",
        "2026-11-26 03:00:00,123 INFO  [main] c.e.App - started\n"
            + "2026-11-26 03:00:01,123 WARN  [io-1] c.e.Sio - client abc disconnected\n"
            + "\tat com.example.Foo.bar(Foo.java:12)\n");
    SAMPLES.put(
        "generic/syslog",
        "Nov 26 03:00:03 host app[12]: hello\nNov 26 03:00:04 host app[12]: world\n");
  }

  /**
   * Samples that another parser matches as strongly as their own, read by their own parser because
   * it comes first in {@link InputParsers#all()} (the documented tie-break).
   */
  static final Map<String, List<String>> KNOWN_TIES = Map.of();

  static List<String> samples() {
    return new ArrayList<>(SAMPLES.keySet());
  }

  private static List<InputParser> logParsers() {
    return InputParsers.all().stream().filter(p -> !p.format().equals("har")).toList();
  }

  private static String formatOf(String sample) {
    return sample.contains("/") ? sample.substring(0, sample.indexOf('/')) : sample;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void itsOwnParserMatchesASampleMostStrongly(String name) {
    String format = formatOf(name);
    byte[] head = SAMPLES.get(name).getBytes(StandardCharsets.UTF_8);
    Map<String, MatchStrength> strengths = new LinkedHashMap<>();
    logParsers().forEach(p -> strengths.put(p.format(), p.match(head, head.length)));
    MatchStrength own = strengths.get(format);
    assertThat(own).as(name + " by its own parser").isGreaterThanOrEqualTo(MatchStrength.WEAK_MATCH);
    assertThat(strengths.entrySet().stream()
            .filter(e -> !e.getKey().equals(format) && e.getValue().compareTo(own) >= 0)
            .map(Map.Entry::getKey)
            .filter(f -> !KNOWN_TIES.getOrDefault(format, List.of()).contains(f)))
        .as("other parsers matching " + name + " as strongly as " + own + ": " + strengths)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theStrongestMatchPicksTheRightParserWhateverTheListOrder(String name) {
    byte[] head = SAMPLES.get(name).getBytes(StandardCharsets.UTF_8);
    List<InputParser> reversed = new ArrayList<>(InputParsers.all());
    Collections.reverse(reversed);
    assertThat(new InputReader().detect(head, head.length)).isEqualTo(formatOf(name));
    if (!KNOWN_TIES.containsKey(formatOf(name))) {
      assertThat(new InputReader(reversed).detect(head, head.length)).as("parsers in reverse order")
          .isEqualTo(formatOf(name));
    }
  }

  /**
   * Heads two parsers could read: a general grammar (JSON lines, combined access lines, python
   * app lines, console locations) and a producer's own mark on the same lines. The mark wins, in
   * either list order, and the general parser still reads such lines when the mark is absent.
   */
  @ParameterizedTest(name = "{0} over {1}")
  @org.junit.jupiter.params.provider.CsvSource({
      "caddy-access, json",
      "apache-access, nginx-access",
      "traefik-access, nginx-access",
      "heroku-router, python-socketio",
      // no "heroku-router, browser-console" row: the console's regular expression once took a
      // router line's ISO time ("...:53.123456+00:00 ") for a "file:line" location; its line
      // reader reads that time as a time, and a router line (at=... method=... path=... host=...
      // dyno=...) holds no console location or browser message (see
      // aHerokuRouterLineIsNoBrowserConsoleLocation)
  })
  void ambiguousHeadsGoToTheStrongerClaim(String marked, String general) {
    byte[] head = SAMPLES.get(marked).getBytes(StandardCharsets.UTF_8);
    InputParser markedParser = parser(marked);
    InputParser generalParser = parser(general);
    assertThat(generalParser.sniff(head, head.length)).as(general + " could read it").isTrue();
    assertThat(markedParser.match(head, head.length)).isGreaterThan(generalParser.match(head, head.length));
    assertThat(new InputReader(List.of(generalParser, markedParser)).detect(head, head.length)).isEqualTo(marked);
    assertThat(new InputReader(List.of(markedParser, generalParser)).detect(head, head.length)).isEqualTo(marked);
  }

  /**
   * A Heroku router line starts with an ISO time with a zone offset ({@code +00:00}), then {@code
   * heroku[router]: at=... method=... path=... host=... dyno=...}: the time is no {@code file:line}
   * location, so the browser console does not claim the head (the Heroku parser does).
   */
  @Test
  void aHerokuRouterLineIsNoBrowserConsoleLocation() {
    byte[] head = SAMPLES.get("heroku-router").getBytes(StandardCharsets.UTF_8);
    assertThat(parser("browser-console").match(head, head.length)).isEqualTo(MatchStrength.NO_MATCH);
    // a console line with that time before its location is still the console's
    String located = "2026-12-07T14:30:53.123456+00:00 socket.io.js:1216 GET http://127.0.0.1:3000/socket.io/?EIO=4";
    byte[] console = (located + "\n" + located + "\n").getBytes(StandardCharsets.UTF_8);
    assertThat(parser("browser-console").match(console, console.length)).isEqualTo(MatchStrength.SOLID_MATCH);
  }

  private static InputParser parser(String format) {
    return InputParsers.all().stream().filter(p -> p.format().equals(format)).findFirst().orElseThrow();
  }

  @Test
  void realCapturesAreSniffedRight() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("sticky-node-a.log", "engineio-debug");
    files.put("heartbeat-server.log", "engineio-debug");
    files.put("upgrade-blocked-server.log", "engineio-debug");
    files.put("sticky-access.log", "nginx-access");
    files.put("idle-timeout-access.log", "nginx-access");
    files.put("sticky-error.log", "nginx-error");
    files.put("idle-timeout-error.log", "nginx-error");
    files.put("sticky-console.log", "browser-console");
    files.put("cors-console.log", "browser-console");
    for (Map.Entry<String, String> e : files.entrySet()) {
      byte[] b = Parse.resource(e.getKey());
      String chosen =
          InputParsers.all().stream()
              .filter(p -> Parse.sniff(p, b))
              .map(InputParser::format)
              .findFirst()
              .orElse(null);
      assertThat(chosen).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test
  void nobodyClaimsBinaryOrHarOrEmptyInput() {
    byte[] bin = new byte[4096];
    for (int i = 0; i < bin.length; i++) {
      bin[i] = (byte) (i * 7);
    }
    String har = "{\n  \"log\": {\n    \"version\": \"1.2\",\n    \"creator\": {\"name\": \"WebInspector\", \"version\": \"537.36\"},\n    \"entries\": [\n";
    for (InputParser p : logParsers()) {
      assertThat(Parse.sniff(p, bin)).as(p.format() + " on binary").isFalse();
      assertThat(Parse.sniff(p, har)).as(p.format() + " on HAR").isFalse();
      assertThat(Parse.sniff(p, "")).as(p.format() + " on empty").isFalse();
    }
  }
}
