package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.webSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class WrongPathRuleTest {
  /** What Express answers for a path nothing handles. */
  private static final String EXPRESS_404 = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      + "<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /socket.io/</pre>\n</body>\n</html>\n";

  private final RuleTester tester = RuleTester.of(new WrongPathRule());

  @Test
  void everyHandshakeAnswered404() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=P1").status(404)
                .mime("text/html; charset=utf-8").body(EXPRESS_404).expectEvidence())
            .after(1.1)
            .entry(get("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=P2").status(404)
                .mime("text/html; charset=utf-8").body(EXPRESS_404).expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
    assertThat(f.detail()).contains("/socket.io/");
    assertThat(f.fix()).contains("`path`");
  }

  @Test
  void methodNotAllowedCountsToo() {
    tester
        .addHar("fixture.har", har()
            .entry(get("http://localhost:3000/chat/socket.io/?EIO=4&transport=polling&t=P1").status(405)
                .mime("text/plain").body("Method Not Allowed").expectEvidence()))
        .doTest();
  }

  @Test
  void proxyAccessLogShows404() {
    tester
        .addLog("access.log", """
            127.0.0.1 - - [25/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 706 "-" "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0"
            // EXPECT: wrong-path
            127.0.0.1 - - [25/Nov/2026:10:00:01 +0000] "GET /socket.io/?EIO=4&transport=polling&t=P1 HTTP/1.1" 404 153 "http://localhost:8080/" "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0"
            """)
        .doTest();
  }

  @Test
  void caddyJsonAccessLogShowsItsOwn404() {
    // sample-captures/wrong-path--caddy-404: file_server's empty 404 for a path no route proxies
    tester
        .addLog("access.log", """
            {"level":"info","ts":1796685772.1846228,"logger":"http.log.access.log0","msg":"handled request","request":{"remote_ip":"127.0.0.1","remote_port":"60776","proto":"HTTP/1.1","method":"GET","host":"127.0.0.1:32917","uri":"/","headers":{}},"user_id":"","duration":0.011895652,"size":819,"status":200,"resp_headers":{"Server":["Caddy"]}}
            // EXPECT: wrong-path
            {"level":"error","ts":1796685772.2877455,"logger":"http.log.access.log0","msg":"handled request","request":{"remote_ip":"127.0.0.1","remote_port":"60776","proto":"HTTP/1.1","method":"GET","host":"127.0.0.1:32917","uri":"/api/socket.io/?EIO=4&transport=polling&t=wbiespv3","headers":{}},"user_id":"","duration":0.000067931,"size":0,"status":404,"resp_headers":{"Server":["Caddy"]}}
            """)
        .doTest();
  }

  @Test
  void aWebSocketOnlyHandshakeRefused404InTheHarsErrorEntry() {
    // sample-captures/wrong-path--caddy-404-websocket-only: status 0, the 404 only in the error entry
    String ws = "ws://127.0.0.1:37587/api/socket.io/?EIO=4&transport=websocket";
    String refused = "Error during WebSocket handshake: Unexpected response code: 404";
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://127.0.0.1:37587/"))
            .entry(webSocket(ws).status(0).expectedMessage("error", 0.02, refused))
            .after(1.2)
            .entry(webSocket(ws).status(0).expectedMessage("error", 0.01, refused)))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("/api/socket.io/");
  }

  @Test
  void silentOnAWebSocketRefusedWithAnotherStatusInTheHar() {
    tester
        .addHar("fixture.har", HealthySessions.har()
            .entry(webSocket("ws://localhost:3000/socket.io/?EIO=4&transport=websocket&sid=Lbo5JLzTotvW3g2LAAAA").status(0)
                .message("error", 0.05, "Error during WebSocket handshake: Unexpected response code: 400")))
        .doTest();
  }

  @Test
  void chromiumConsoleNamesTheStatusOfAWebSocketOnlyHandshake() {
    // transports: ["websocket"] through the same Caddy: the HAR has the WebSocket at status 0, the
    // console has the 404
    Finding f = tester
        .addLog("console.log", """
            // EXPECT: wrong-path
            socket.io.js:1482 WebSocket connection to 'ws://127.0.0.1:34187/api/socket.io/?EIO=4&transport=websocket' failed: Error during WebSocket handshake: Unexpected response code: 404
            (index):10 connect_error websocket error description [object Event]
            (index):12 reconnect attempt 1
            """)
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("/api/socket.io/");
  }

  @Test
  void silentOnAWebSocketHandshakeRefusedWithAnotherStatus() {
    // 400 is the server refusing the session (an unknown sid), not a missing path
    tester
        .addLog("console.log", """
            socket.io.js:1482 WebSocket connection to 'ws://127.0.0.1:8080/socket.io/?EIO=4&transport=websocket&sid=Lbo5JLzTotvW3g2LAAAA' failed: Error during WebSocket handshake: Unexpected response code: 400
            """)
        .doTest();
  }

  @Test
  void silentOnAWebSocket404ThatIsNotEngineIo() {
    tester
        .addLog("console.log", """
            app.js:12 WebSocket connection to 'ws://127.0.0.1:8080/live-reload' failed: Error during WebSocket handshake: Unexpected response code: 404
            """)
        .doTest();
  }

  @Test
  void lessCertainWhenAnotherPathServedAHandshake() {
    Finding f = tester
        .addHar("fixture.har", HealthySessions.har()
            .entry(get("http://localhost:3000/admin/socket.io/?EIO=4&transport=polling&t=X1").status(404)
                .mime("text/html; charset=utf-8").body(EXPRESS_404).expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isLessThan(0.9);
  }

  @Test
  void silentOnA404ThatIsNotSocketIo() {
    tester
        .addHar("fixture.har", HealthySessions.har()
            .entry(get("http://localhost:3000/favicon.ico").resourceType("image").status(404)
                .mime("text/html").body(EXPRESS_404)))
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
