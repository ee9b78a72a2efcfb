package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.payload;
import static io.siodoctor.rules.testing.HarFixture.post;
import static io.siodoctor.rules.testing.HarFixture.webSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ClientProxyInterferenceRuleTest {
  private static final String SID = "ssO51L53Emo8zXiyAAAA";
  private static final String BASE = "http://app.example.com:3000/socket.io/?EIO=4";
  private static final String POLLING = BASE + "&transport=polling";

  private final RuleTester tester = RuleTester.of(new ClientProxyInterferenceRule());

  /** Polling through the proxy works (it adds Via); the WebSocket tunnel is refused. */
  private static HarFixture pollingThroughProxy() {
    return har()
        .entry(document("http://app.example.com:3000/").responseHeader("Via", "1.1 proxy (squid/5.7)"))
        .entry(get(POLLING + "&t=P1").body(open(SID, "websocket")).responseHeader("Via", "1.1 proxy (squid/5.7)"))
        .entry(post(POLLING + "&t=P2&sid=" + SID, "40").body("ok").responseHeader("Via", "1.1 proxy (squid/5.7)"))
        .entry(get(POLLING + "&t=P3&sid=" + SID).body(payload("40{\"sid\":\"abc\"}")));
  }

  @Test
  void webSocketTunnelRefusedByTheProxy() {
    Finding f = tester
        .addHar("fixture.har", pollingThroughProxy()
            .entry(webSocket(BASE.replace("http:", "ws:") + "&transport=websocket&sid=" + SID).status(0)
                .failed("net::ERR_TUNNEL_CONNECTION_FAILED").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
    assertThat(f.sessionIds()).containsExactly(SID);
    assertThat(f.detail()).contains("browser's proxy");
  }

  @Test
  void webSocketErrorTextAsCdpReportsIt() {
    tester
        .addHar("fixture.har", pollingThroughProxy()
            .entry(webSocket(BASE.replace("http:", "ws:") + "&transport=websocket&sid=" + SID).status(0)
                .message("error", 0.01, "Establishing a tunnel via proxy server failed.").expectEvidence()))
        .doTest();
  }

  @Test
  void theConsoleSaysItWhenTheHarLostTheFrames() {
    tester
        .addHar("fixture.har", pollingThroughProxy())
        .addLog("console.log", """
            // EXPECT: client-proxy-interference
            socket.io.js:1482 WebSocket connection to 'ws://app.example.com:3000/socket.io/?EIO=4&transport=websocket&sid=ssO51L53Emo8zXiyAAAA' failed: Establishing a tunnel via proxy server failed.
            (index):11 upgradeError probe error: Error: websocket error
            """)
        .doTest();
  }

  @Test
  void proxyUnreachableAndProxyAuthentication() {
    tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/"))
            .entry(get("https://app.example.com/socket.io/?EIO=4&transport=polling&t=P1")
                .failed("net::ERR_PROXY_CONNECTION_FAILED").expectEvidence())
            .after(2)
            .entry(get("https://app.example.com/socket.io/?EIO=4&transport=polling&t=P2").status(407)
                .mime("text/html").body("<html>Proxy Authentication Required</html>")
                .responseHeader("Proxy-Authenticate", "Basic realm=\"corp\"").expectEvidence()))
        .doTest();
  }

  @Test
  void squidLogRefusingTheTunnelToTheSocketHost() {
    Finding f = tester
        .addHar("fixture.har", pollingThroughProxy())
        .addLog("squid-access.log", """
            1795946400.010      2 127.0.0.1 TCP_MISS/200 345 GET http://app.example.com:3000/socket.io/?EIO=4&transport=polling&t=P1 - HIER_DIRECT/127.0.0.1 text/plain
            // EXPECT: client-proxy-interference
            1795946400.060      0 127.0.0.1 TCP_DENIED/403 3950 CONNECT app.example.com:3000 - HIER_NONE/- text/html
            1795946400.070      0 127.0.0.1 TCP_DENIED/403 3950 CONNECT ads.example.net:443 - HIER_NONE/- text/html
            """)
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("forward proxy's log");
  }

  @Test
  void silentOnAViaHeaderAloneAndOnAHealthySession() {
    // a reverse proxy or CDN adds Via too: without a failure it proves nothing
    tester.addHar("fixture.har", pollingThroughProxy()).expectNoFindings().doTest();
  }

  @Test
  void silentOnHealthySession() {
    RuleTester.of(new ClientProxyInterferenceRule()).addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }

  @Test
  void silentWhenTheProxyRefusesOnlyOtherHosts() {
    tester
        .addHar("fixture.har", HealthySessions.har())
        .addLog("squid-access.log", """
            1795946400.070      0 127.0.0.1 TCP_DENIED/403 3950 CONNECT ads.example.net:443 - HIER_NONE/- text/html
            """)
        .expectNoFindings()
        .doTest();
  }

  @Test
  void silentOnAServerSideRefusal() {
    // connection refused is the server's side: server-unreachable, not a proxy
    tester
        .addHar("fixture.har", har()
            .entry(document("http://app.example.com:3000/"))
            .entry(get(POLLING + "&t=P1").failed("net::ERR_CONNECTION_REFUSED")))
        .expectNoFindings()
        .doTest();
  }
}
