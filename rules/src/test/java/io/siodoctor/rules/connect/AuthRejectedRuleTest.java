package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.lengthPrefixed;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static io.siodoctor.rules.testing.HarFixture.webSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class AuthRejectedRuleTest {
  private static final String SID = "Lbo5JLzTotvW3g2LAAAA";
  private static final String V4 = "http://localhost:3000/socket.io/?EIO=4&transport=polling";

  private final RuleTester tester = RuleTester.of(new AuthRejectedRule());

  private static HarFixture v4Handshake() {
    return har()
        .entry(document("http://localhost:3000/"))
        .entry(get(V4 + "&t=P1").body(open(SID, "websocket")))
        .entry(post(V4 + "&t=P2&sid=" + SID, "40{\"token\":\"expired-token\"}").body("ok").mime("text/html"));
  }

  @Test
  void middlewareErrorOverPolling() {
    Finding f = tester
        .addHar("fixture.har", v4Handshake()
            .entry(get(V4 + "&t=P3&sid=" + SID).body("44{\"message\":\"not authorized\"}").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("not authorized");
    assertThat(f.sessionIds()).containsExactly(SID);
  }

  @Test
  void middlewareErrorWithDataOverWebSocket() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(webSocket("ws://localhost:3000/socket.io/?EIO=4&transport=websocket")
                .message("receive", 0.004, open(SID))
                .message("send", 0.006, "40{\"token\":\"expired-token\"}")
                .expectedMessage("receive", 0.011, "44{\"message\":\"invalid token\",\"data\":{\"code\":\"E_TOKEN\"}}")))
        .doTest();
  }

  @Test
  void v2ServerSendsTheErrorAsAString() {
    // Socket.IO 2.x: ERROR packet with a JSON string, inside a length-prefixed payload
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get("http://localhost:3000/socket.io/?EIO=3&transport=polling&t=Nbmcd-u")
                .body(lengthPrefixed(open(SID, 25000, 5000, -1, "websocket"), "44\"not authorized\""))
                .expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("not authorized");
  }

  @Test
  void serverLogsTheMiddlewareError() {
    tester
        .addLog("server.log", """
            2026-11-25T10:00:00.020Z socket.io:namespace adding socket to nsp /
            // EXPECT: auth-rejected
            2026-11-25T10:00:00.021Z socket.io:namespace middleware error, sending CONNECT_ERROR packet to the client
            """)
        .doTest();
  }

  @Test
  void silentOnInvalidNamespace() {
    tester
        .addHar("fixture.har", v4Handshake()
            .entry(get(V4 + "&t=P3&sid=" + SID).body("44/admin,{\"message\":\"Invalid namespace\"}")))
        .doTest();
  }

  @Test
  void silentOnPythonSocketIosRefusalOfAnUnknownNamespace() {
    // protocol v5 with a bare-string payload: the library's refusal, not the application's
    tester
        .addHar("fixture.har", v4Handshake()
            .entry(get(V4 + "&t=P3&sid=" + SID).body("44/admin,\"Unable to connect\"")))
        .expectNoFindings()
        .doTest();
  }

  @Test
  void v2ServersNamespaceMiddlewareErrorIsAString() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get("http://localhost:3000/socket.io/?EIO=3&transport=polling&t=Nbmcd-u")
                .body(lengthPrefixed(open(SID, 25000, 5000, -1, "websocket"), "40", "44/admin,\"not authorized\""))
                .expectEvidence()))
        .doTest().orElseThrow();
  }

  @Test
  void aPythonLogLineWhoseRevisionIsUnknownIsNotClaimed() {
    // a bare string for /admin: python-socketio 5's unknown namespace or 4's application refusal
    tester
        .addLog("server.log", """
            2026-12-07 23:20:13,329 INFO engineio.server: T5Gz_R0D4hTEK9TfAAAA: Sending packet MESSAGE data 4/admin,"Unable to connect"
            """)
        .expectNoFindings()
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }

  @Test
  void handshakeRefusedWith401ByNettySocketIo() {
    // netty-socketio's AuthorizationListener (sample-captures/auth-rejected--netty-authorization-listener)
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get(V4 + "&t=P1").status(401).mime("x-unknown").body("").expectEvidence())
            .entry(get(V4 + "&t=P2").status(401).mime("x-unknown").body("").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("401");
  }

  @Test
  void proxyBasicAuthenticationIsNotTheApplicationRefusing() {
    // a proxy's own HTTP authentication asks for credentials with WWW-Authenticate
    assertThat(tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(get(V4 + "&t=P1").status(401).mime("text/html").responseHeader("WWW-Authenticate", "Basic realm=\"x\"")
                .body("<html><title>401 Authorization Required</title></html>")))
        .doTest()).isEmpty();
  }

  @Test
  void pythonAndNettyLogLines() {
    tester
        .addLog("server.log", """
            // EXPECT: auth-rejected
            2026-12-07 14:06:41,157 INFO engineio.server: fDVm0HM_3iOJoCjxAAAA: Sending packet MESSAGE data 4{"message":"Connection rejected by server"}
            """)
        .addLog("netty.log", """
            2026-12-07T14:09:40.100Z [nioEventLoopGroup-3-1] DEBUG com.corundumstudio.socketio.SocketIOServer - Session store / pubsub factory used: MemoryStoreFactory
            // EXPECT: auth-rejected
            2026-12-07T14:09:41.100Z [nioEventLoopGroup-3-1] DEBUG com.corundumstudio.socketio.handler.AuthorizeHandler - Handshake unauthorized, query params: {EIO=[4], transport=[polling]} headers: {Host=[127.0.0.1]}
            """)
        .doTest().orElseThrow();
  }
}
