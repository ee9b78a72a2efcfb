package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.webSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class PlainWebSocketServerRuleTest {
  private static final String WS = "ws://localhost:8080/socket.io/?EIO=4&transport=websocket";

  private final RuleTester tester = RuleTester.of(new PlainWebSocketServerRule());

  @Test
  void firstServerFrameIsNotAnOpenPacket() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(webSocket(WS).requestHeader("Origin", "http://localhost:8080").expectEvidence()
                .expectedMessage("receive", 0.007, "{\"type\":\"welcome\",\"server\":\"echo\",\"id\":1}")))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void everyReconnectionMeetsTheSameServer() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(webSocket(WS).expectEvidence().expectedMessage("receive", 0.005, "hello"))
            .after(1.4)
            .entry(webSocket(WS).expectEvidence().expectedMessage("receive", 0.004, "hello")))
        .doTest();
  }

  @Test
  void pollingHandshakeAnsweredWithSomethingElse() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(get("http://localhost:8080/socket.io/?EIO=4&transport=polling&t=P1")
                .mime("application/json; charset=utf-8").body("{\"status\":\"ok\",\"uptime\":3812}")
                .expectEvidence()))
        .doTest();
  }

  @Test
  void openedButSilentServerIsLessCertain() {
    // another WebSocket of the page has frames: this exporter writes them, so silence means silence
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(webSocket("ws://localhost:8080/live").message("receive", 0.01, "hello"))
            .entry(webSocket(WS).expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isLessThan(0.9);
  }

  @Test
  void silentWhenTheExporterWritesNoFramesAtAll() {
    // Firefox and Safari HARs carry no WebSocket frames: an open socket without frames proves nothing
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(webSocket(WS)))
        .expectNoFindings()
        .doTest();
  }

  @Test
  void silentOnWebSocketOnlySessionThatGetsTheOpenPacket() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:3000/"))
            .entry(webSocket("ws://localhost:3000/socket.io/?EIO=4&transport=websocket")
                .message("receive", 0.004, HarFixture.open("Wk3n2pQ0r8sVvC1AAAAB"))
                .message("send", 0.006, "40")
                .message("receive", 0.009, "40{\"sid\":\"p8ArbS6uK3GeGQjqAAAC\"}")
                .message("receive", 25.0, "2")
                .message("send", 25.002, "3")))
        .expectNoFindings()
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
