package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogLine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BrowserConsoleLogParserTest {

  private final BrowserConsoleLogParser parser = new BrowserConsoleLogParser();

  @Test
  void chromeSaveAs() {
    String text =
        "socket.io.js:1  GET http://127.0.0.1:3000/socket.io/?EIO=4&transport=polling&t=abc net::ERR_CONNECTION_REFUSED\n"
            + "index.html:1 Access to XMLHttpRequest at 'http://127.0.0.1:3000/socket.io/?EIO=4&transport=polling&t=NbmcdU' from origin 'http://localhost:8080' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\n"
            + "(index):1 Mixed Content: The page at 'https://app.example/' was loaded over HTTPS, but requested an insecure XMLHttpRequest endpoint 'http://api.example/socket.io/?EIO=4&transport=polling&t=Nx'. This request has been blocked; the content must be served over HTTPS.\n"
            + "socket.io.js:1482 WebSocket connection to 'ws://127.0.0.1:47021/socket.io/?EIO=4&transport=websocket&sid=hpCNAo6oohg2cAcFAAAG' failed: Error during WebSocket handshake: Unexpected response code: 400\n"
            + "socket.io.js:1436 WebSocket connection to 'wss://app.example/socket.io/?EIO=4&transport=websocket' failed: \n"
            + "(index):10 connect_error xhr poll error\n"
            + "(index):10 connect_error not authorized\n"
            + "(index):11 disconnect transport error xhr post error 400\n"
            + "socket.io.js:1216 GET http://127.0.0.1:47071/socket.io/?EIO=4&transport=polling&t=zgs8cvcj&sid=pXby3YAHuJGVvkilAAAA 400 (Bad Request)\n";
    CollectingSink s = Parse.text(parser, "console.log", text);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.NETWORK_ERROR,
        LogEvent.CORS_BLOCKED,
        LogEvent.MIXED_CONTENT_BLOCKED,
        LogEvent.WEBSOCKET_FAILED,
        LogEvent.WEBSOCKET_FAILED,
        LogEvent.CLIENT_CONNECT_ERROR,
        LogEvent.CLIENT_CONNECT_ERROR,
        LogEvent.OTHER,
        LogEvent.OTHER);
    assertThat(s.lines.get(0).fact().text()).isEqualTo("net::ERR_CONNECTION_REFUSED");
    assertThat(s.lines.get(0).source()).isEqualTo("socket.io.js:1");
    assertThat(s.lines.get(0).message()).startsWith("GET http://127.0.0.1:3000/");
    assertThat(s.lines.get(1).fact().text())
        .isEqualTo("No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    assertThat(s.lines.get(3).fact().text())
        .isEqualTo("Error during WebSocket handshake: Unexpected response code: 400");
    assertThat(s.lines.get(3).sid()).contains("hpCNAo6oohg2cAcFAAAG");
    assertThat(((LogFact.NetworkError) s.lines.get(3).fact()).handshakeStatus()).isEqualTo(400);
    assertThat(s.lines.get(4).fact().text()).isNull();
    assertThat(((LogFact.NetworkError) s.lines.get(4).fact()).handshakeStatus()).isEqualTo(-1);
    assertThat(((LogFact.NetworkError) s.lines.get(0).fact()).handshakeStatus()).isEqualTo(-1);
    assertThat(s.lines.get(5).fact().text()).isEqualTo("xhr poll error");
    assertThat(s.lines.get(6).fact().text()).isEqualTo("not authorized");
    assertThat(s.lines.get(8).sid()).contains("pXby3YAHuJGVvkilAAAA");
    assertThat(s.lines).allSatisfy(l -> assertThat(l.time()).isNull());
    assertThat(s.warnings).isEmpty();
  }

  @Test
  void timestampsNeedADate() {
    String text =
        "03:00:01.123 socket.io.js:1  GET http://127.0.0.1:3000/socket.io/?EIO=4&transport=polling&t=abc net::ERR_CONNECTION_REFUSED\n";
    CollectingSink noDate = Parse.text(parser, "console.log", text);
    assertThat(noDate.lines.get(0).time()).isNull();
    assertThat(noDate.lines.get(0).source()).isEqualTo("socket.io.js:1");
    assertThat(noDate.warnings).hasSize(1);
    BrowserConsoleLogParser dated =
        new BrowserConsoleLogParser(LocalDate.of(2026, 11, 26), ZoneId.of("Europe/Berlin"));
    CollectingSink s = Parse.text(dated, "console.log", text);
    assertThat(s.lines.get(0).time()).isEqualTo(Instant.parse("2026-11-26T02:00:01.123Z"));
    assertThat(s.lines.get(0).event()).isEqualTo(LogEvent.NETWORK_ERROR);
  }

  @Test
  void firefoxWording() {
    String text =
        "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://localhost:3000/socket.io/?EIO=4&transport=polling&t=NbmcdU. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.\n"
            + "Firefox can’t establish a connection to the server at ws://localhost:3000/socket.io/?EIO=4&transport=websocket&sid=AAAAAAAAAAAAAAAAAAAA. websocket.js:54:20\n"
            + "Blocked loading mixed active content “http://api.example/socket.io/?EIO=4&transport=polling”\n";
    CollectingSink s = Parse.text(parser, "console.txt", text);
    assertThat(s.lines.get(0).event()).isEqualTo(LogEvent.CORS_BLOCKED);
    assertThat(s.lines.get(0).fact().text()).isEqualTo("CORS header ‘Access-Control-Allow-Origin’ missing");
    assertThat(s.lines.get(1).event()).isEqualTo(LogEvent.WEBSOCKET_FAILED);
    assertThat(s.lines.get(1).source()).isEqualTo("websocket.js:54:20");
    assertThat(s.lines.get(1).sid()).contains("AAAAAAAAAAAAAAAAAAAA");
    assertThat(((LogFact.NetworkError) s.lines.get(1).fact()).handshakeStatus()).as("Firefox names no status").isEqualTo(-1);
    assertThat(s.lines.get(2).event()).isEqualTo(LogEvent.MIXED_CONTENT_BLOCKED);
  }

  @Test
  void firefoxCorsRequestThatDidNotSucceedGotNoAnswer() {
    // recorded in sample-captures/tls-error--firefox-self-signed (an untrusted certificate); MDN
    // CORSDidNotSucceed: the connection failed at the network or protocol level, "Status code: (null)"
    String text =
        "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://127.0.0.1:38451/socket.io/?EIO=4&transport=polling&t=1jdc87fi. (Reason: CORS request did not succeed). Status code: (null).\n";
    CollectingSink s = Parse.text(parser, "console.log", text);
    assertThat(s.lines.get(0).event()).isEqualTo(LogEvent.NETWORK_ERROR);
    LogFact.NetworkError e = (LogFact.NetworkError) s.lines.get(0).fact();
    assertThat(e.text()).isEqualTo("CORS request did not succeed");
    assertThat(e.url()).isEqualTo("https://127.0.0.1:38451/socket.io/?EIO=4&transport=polling&t=1jdc87fi");
  }

  @Test
  void contentSecurityPolicyBlocksInEveryWording() {
    // Chrome 156 (recorded in sample-captures/csp-blocked--*), older Chrome, Chrome's WebSocket
    // constructor, Firefox; a CSP line about an image names no http(s)/ws(s) URL
    String text =
        "socket.io.js:1216 Connecting to 'http://127.0.0.1:48622/socket.io/?EIO=4&transport=polling&t=cchnias6' violates the following Content Security Policy directive: \"connect-src 'self' ws://127.0.0.1:48622\". The action has been blocked.\n"
            + "polling.js:12 Refused to connect to 'https://api.example.com/socket.io/?EIO=3&transport=polling&t=N1' because it violates the following Content Security Policy directive: \"default-src 'self'\". Note that 'connect-src' was not explicitly set, so 'default-src' is used as a fallback.\n"
            + "websocket.js:54 Uncaught DOMException: Failed to construct 'WebSocket': Refused to connect to 'wss://api.example.com/socket.io/?EIO=4&transport=websocket' because it violates the document's Content Security Policy.\n"
            + "Content-Security-Policy: The page’s settings blocked the loading of a resource (connect-src) at wss://api.example.com/socket.io/?EIO=4&transport=websocket because it violates the following directive: “connect-src 'self'” socket.io.js:2:100\n"
            + "127.0.0.1/:3 Loading the image 'data:,' violates the following Content Security Policy directive: \"default-src 'self'\". The action has been blocked.\n";
    CollectingSink s = Parse.text(parser, "console.log", text);
    assertThat(s.lines).extracting(LogLine::event).containsOnly(LogEvent.CSP_BLOCKED);
    assertThat(s.lines).extracting(l -> l.fact().text()).containsExactly(
        "http://127.0.0.1:48622/socket.io/?EIO=4&transport=polling&t=cchnias6",
        "https://api.example.com/socket.io/?EIO=3&transport=polling&t=N1",
        "wss://api.example.com/socket.io/?EIO=4&transport=websocket",
        "wss://api.example.com/socket.io/?EIO=4&transport=websocket",
        null);
  }

  @Test
  void clientDebugOutputInTheConsole() {
    // Flask-SocketIO#248: localStorage.debug = '*' in Chrome
    String text =
        "bundle.js:13156 engine.io-client:socket socket receive: type \"message\", data \"0/socket\" +1ms\n"
            + "bundle.js:13156 engine.io-client:polling-xhr xhr open POST: http://localhost:8001/socket.io/?EIO=3&transport=polling&t=LEhD_2q&sid=33adbe8e9d2845b9a69adeb0a4f6ec2c +1ms\n"
            + "bundle.js:13156 engine.io-client:socket socket close with reason: \"ping timeout\" +5s\n";
    CollectingSink s = Parse.text(parser, "console.log", text);
    assertThat(s.lines.get(0).source()).isEqualTo("engine.io-client:socket");
    assertThat(s.lines.get(0).message()).isEqualTo("socket receive: type \"message\", data \"0/socket\"");
    assertThat(s.lines.get(1).sid()).contains("33adbe8e9d2845b9a69adeb0a4f6ec2c");
    assertThat(s.lines.get(2).event()).isEqualTo(LogEvent.CLOSED);
    assertThat(s.lines.get(2).fact().text()).isEqualTo("ping timeout");
  }

  @Test
  void realCorsCapture() {
    CollectingSink s = Parse.resource(parser, "cors-console.log");
    assertThat(s.events(LogEvent.CORS_BLOCKED)).hasSize(4);
    assertThat(s.events(LogEvent.NETWORK_ERROR))
        .allSatisfy(l -> assertThat(l.fact().text()).isEqualTo("net::ERR_FAILED"));
  }

  @Test
  void automationDumpWithIsoTimesLevelsAndPageUrls() {
    String text =
        "2026-11-26T02:41:32.774Z [error] http://app.example.test/ Access to XMLHttpRequest at 'https://api.example.test/socket.io/?EIO=4&transport=polling&t=abc' from origin 'http://app.example.test' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\n"
            + "2026-11-26T02:41:32.775Z [error] https://api.example.test/socket.io/?EIO=4&transport=polling&t=abc Failed to load resource: net::ERR_FAILED\n"
            + "2026-11-26T02:41:33.101Z [error] http://app.example.test/ Connecting to 'wss://api.example.test/socket.io/?EIO=4&transport=websocket' violates the following Content Security Policy directive: \"connect-src 'self'\". The action has been blocked.\n"
            + "2026-11-26T02:41:33.500Z [error] http://app.example.test/ Refused to connect to 'wss://api.example.test/socket.io/?EIO=4&transport=websocket' because it violates the following Content Security Policy directive: \"connect-src 'self'\".\n"
            + "2026-11-26T02:41:34.001Z [log] http://app.example.test/ connect_error xhr poll error\n"
            + "2026-11-26T02:41:34.200Z [error] http://app.example.test/ WebSocket connection to 'wss://api.example.test/socket.io/?EIO=4&transport=websocket' failed: WebSocket is closed before the connection is established.\n";
    assertThat(parser.sniff(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), text.length())).isTrue();
    CollectingSink s = Parse.text(parser, "console.log", text);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.CORS_BLOCKED,
        LogEvent.NETWORK_ERROR,
        LogEvent.CSP_BLOCKED,
        LogEvent.CSP_BLOCKED,
        LogEvent.CLIENT_CONNECT_ERROR,
        LogEvent.WEBSOCKET_FAILED);
    assertThat(s.lines.get(0).time()).isEqualTo(Instant.parse("2026-11-26T02:41:32.774Z"));
    assertThat(s.lines.get(0).level()).isEqualTo("error");
    assertThat(s.lines.get(1).fact().text()).isEqualTo("net::ERR_FAILED");
    assertThat(s.lines.get(4).level()).isEqualTo("log");
  }

  @Test
  void clientDebugLinesCopiedFromTheConsole() {
    String text =
        "engine.io-client:socket socket close with reason: \"transport error\" +2ms\n"
            + "socket.io-client:manager reconnect attempt error +1s\n"
            + "socket.io.js:1  GET https://api.example.test/socket.io/?EIO=4&transport=polling&t=x net::ERR_INTERNET_DISCONNECTED\n";
    CollectingSink s = Parse.text(parser, "console.log", text);
    assertThat(s.lines).hasSize(3);
    assertThat(s.lines.get(0).source()).isEqualTo("engine.io-client:socket");
    assertThat(s.lines.get(2).event()).isEqualTo(LogEvent.NETWORK_ERROR);
    assertThat(s.lines.get(2).fact().text()).isEqualTo("net::ERR_INTERNET_DISCONNECTED");
  }
}
