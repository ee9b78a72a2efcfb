package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static org.assertj.core.api.Assertions.assertThat;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.webSocket;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class TlsErrorRuleTest {
  private final RuleTester tester = RuleTester.of(new TlsErrorRule());

  @Test
  void untrustedCertificate() {
    tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/"))
            .entry(get("https://api.example.com:3443/socket.io/?EIO=4&transport=polling&t=P1")
                .failed("net::ERR_CERT_AUTHORITY_INVALID").expectEvidence())
            .after(1.0)
            .entry(get("https://api.example.com:3443/socket.io/?EIO=4&transport=polling&t=P2")
                .failed("net::ERR_CERT_AUTHORITY_INVALID").expectEvidence()))
        .doTest();
  }

  @Test
  void tlsHandshakeFailsOnWebSocketOnlyClient() {
    tester
        .addHar("fixture.har", har()
            .entry(webSocket("wss://api.example.com/socket.io/?EIO=4&transport=websocket")
                .failed("net::ERR_SSL_PROTOCOL_ERROR").expectEvidence()))
        .doTest();
  }

  @Test
  void silentWhenTheServerRefusesTheConnection() {
    tester
        .addHar("fixture.har", har()
            .entry(get("https://api.example.com/socket.io/?EIO=4&transport=polling&t=P1")
                .failed("net::ERR_CONNECTION_REFUSED")))
        .doTest();
  }

  @Test
  void firefoxRecordsNoErrorButTimingsThatEndInTheTlsHandshake() {
    // tls-error--firefox-self-signed: status 0, no error field, ssl 4-5 ms, then no wait
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("http://app.example.com/"))
            .entry(get("https://api.example.com:3443/socket.io/?EIO=4&transport=polling&t=P1")
                .firefoxNoAnswer(5).expectEvidence())
            .after(1.0)
            .entry(get("https://api.example.com:3443/socket.io/?EIO=4&transport=polling&t=P2")
                .firefoxNoAnswer(4).expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).as("where it stopped, not why").isLessThan(0.95);
  }

  @Test
  void silentWhenFirefoxRecordsNoTlsHandshake() {
    // a refused connection: Firefox writes no ssl time
    tester
        .addHar("fixture.har", har()
            .entry(get("https://api.example.com/socket.io/?EIO=4&transport=polling&t=P1").firefoxNoAnswer(0)))
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
