package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.lengthPrefixed;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.webSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class VersionMismatchRuleTest {
  private final RuleTester tester = RuleTester.of(new VersionMismatchRule());

  @Test
  void v2ClientRefusedByV4Server() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get("http://localhost:3000/socket.io/?EIO=3&transport=polling&t=Nbmcd-u").status(400)
                .mime("application/json").body(engineIoError(5, "Unsupported protocol version")).expectEvidence())
            .after(1.2)
            .entry(get("http://localhost:3000/socket.io/?EIO=3&transport=polling&t=Nbmcf2x").status(400)
                .mime("application/json").body(engineIoError(5, "Unsupported protocol version")).expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.95);
    assertThat(f.fix()).contains("allowEIO3: true");
  }

  @Test
  void v4ClientAnsweredByV2Server() {
    // the v2 server speaks revision 3: length-prefixed payload, and its automatic CONNECT "40"
    String body = lengthPrefixed(open("ptzi_578ycUci8WLB9G1", 25000, 5000, -1, "websocket"), "40");
    assertThat(body).startsWith("96:0{").endsWith("}2:40");
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=zfyc61kq")
                .responseHeader("Access-Control-Allow-Origin", "*").body(body).expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("v2 server");
    assertThat(f.sessionIds()).containsExactly("ptzi_578ycUci8WLB9G1");
  }

  @Test
  void v4ClientOverWebSocketGetsAConnectWithoutSid() {
    // over WebSocket there is no framing to tell; a v3+ server always answers CONNECT with {"sid":...}
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(webSocket("ws://localhost:3000/socket.io/?EIO=4&transport=websocket")
                .expectedMessage("receive", 0.004, open("ptzi_578ycUci8WLB9G1", 25000, 5000, -1))
                .message("send", 0.005, "40")
                .expectedMessage("receive", 0.006, "40")))
        .doTest();
  }

  @Test
  void aClientWhoseQueryASanitizerRemovedIsV4ByItsConnectToTheMainNamespace() {
    // "?[REDACTED]": no EIO= to read; only a v3/v4 client sends CONNECT for "/" itself
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(webSocket("ws://localhost:3000/socket.io/?[REDACTED]")
                .expectedMessage("receive", 0.004, open("ptzi_578ycUci8WLB9G1", 25000, 5000, -1))
                .expectedMessage("send", 0.005, "40")
                .expectedMessage("receive", 0.006, "40")))
        .doTest();
  }

  @Test
  void silentOnAV2ClientWhoseQueryASanitizerRemoved() {
    // a v2 server connects "/" by itself ("40") and a v2 client sends no CONNECT for it
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(webSocket("ws://localhost:3000/socket.io/?[REDACTED]")
                .message("receive", 0.004, open("ptzi_578ycUci8WLB9G1", 25000, 5000, -1))
                .message("receive", 0.006, "40")
                .message("send", 0.010, "42[\"hello\"]")))
        .expectNoFindings().doTest();
  }

  @Test
  void serverLogsTheUnsupportedVersion() {
    tester
        .addLog("server.log", """
            2026-11-25T10:00:00.010Z engine handling "GET" http request "/socket.io/?EIO=3&transport=polling&t=Nbmcd-u"
            // EXPECT: version-mismatch
            2026-11-25T10:00:00.011Z engine unsupported protocol version
            """)
        .doTest();
  }

  @Test
  void aV2ServersLogOverWebSocketShowsAV4ClientByItsConnect() {
    // no polling payload to tell the revision: the server writes "40" unasked, the client sends "40"
    tester
        .addLog("server.log", """
            2026-11-26T03:28:14.471Z engine handshaking client "pxUWp3gqj1LzE27PAAAA"
            2026-11-26T03:28:14.477Z engine:ws writing "0{"sid":"pxUWp3gqj1LzE27PAAAA","upgrades":[],"pingInterval":25000,"pingTimeout":5000}"
            // EXPECT: version-mismatch
            2026-11-26T03:28:14.501Z engine:ws writing "40"
            // EXPECT: version-mismatch
            2026-11-26T03:28:14.551Z engine:ws received "40"
            2026-11-26T03:28:44.548Z socket.io:client client close with reason transport close
            """)
        .doTest().orElseThrow();
  }

  @Test
  void silentOnAV4ServerWithAllowEio3AndClientsOfBothVersions() {
    // its v2 clients get a bare "40", its v4 clients "40{sid}" in answer to their own "40"
    tester
        .addLog("server.log", """
            2026-11-26T03:28:14.477Z engine:ws writing "0{"sid":"pxUWp3gqj1LzE27PAAAA","upgrades":[],"pingInterval":25000,"pingTimeout":20000}"
            2026-11-26T03:28:14.501Z engine:ws writing "40"
            2026-11-26T03:28:15.477Z engine:ws writing "0{"sid":"cxr6i2NON-gvvNCNAAAB","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}"
            2026-11-26T03:28:15.551Z engine:ws received "40"
            2026-11-26T03:28:15.552Z engine:ws writing "40{"sid":"Wq3c0oBYq0TNm1AeAAAD"}"
            """)
        .expectNoFindings().doTest();
  }

  @Test
  void silentOnAV2ServerWithItsOwnClientsOverWebSocket() {
    // a v2 client sends CONNECT only for other namespaces
    tester
        .addLog("server.log", """
            2026-11-26T03:28:14.501Z engine:ws writing "40"
            2026-11-26T03:28:14.551Z engine:ws received "40/admin,"
            2026-11-26T03:28:14.552Z engine:ws writing "40/admin,"
            """)
        .expectNoFindings().doTest();
  }

  @Test
  void silentOnHealthyV4Session() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }

  @Test
  void silentOnHealthyV2ClientWithV2Server() {
    // length-prefixed payloads and a bare "40" are right when the client asked for EIO=3
    HarFixture har = har().entry(document(HealthySessions.ORIGIN + "/"));
    HealthySessions.v3("ptzi_578ycUci8WLB9G1").appendTo(har);
    tester.addHar("fixture.har", har).expectNoFindings().doTest();
  }

  @Test
  void theJavaClientSaysItReachedAV2Server() {
    tester
        .addLog("client.log", """
            // EXPECT: version-mismatch
            2026-12-07T14:04:35.200Z [main] ERROR com.example.Chat - connect_error: It seems you are trying to reach a Socket.IO server in v2.x with a v3.x client, but they are not compatible (more information here: https://socket.io/docs/v3/migrating-from-2-x-to-3-0/)
            2026-12-07T14:04:35.120Z [EventThread] DEBUG io.socket.engineio.client.Socket - socket close with reason: transport error
            """)
        .doTest().orElseThrow();
  }
}
