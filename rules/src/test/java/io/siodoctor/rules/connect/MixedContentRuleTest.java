package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;

import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class MixedContentRuleTest {
  private final RuleTester tester = RuleTester.of(new MixedContentRule());

  @Test
  void httpsPageBlockedFromAnHttpSocketUrl() {
    tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/"))
            .entry(get("http://api.example.com/socket.io/?EIO=4&transport=polling&t=P1")
                .requestHeader("Referer", "https://app.example.com/")
                .failed("(blocked:mixed-content)").expectEvidence())
            .after(1.1)
            .entry(get("http://api.example.com/socket.io/?EIO=4&transport=polling&t=P2")
                .requestHeader("Referer", "https://app.example.com/")
                .failed("(blocked:mixed-content)").expectEvidence()))
        .doTest();
  }

  @Test
  void insecureUrlFailingOnAnHttpsPage() {
    tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/"))
            .entry(get("http://api.example.com:3000/socket.io/?EIO=4&transport=polling&t=P1")
                .failed("net::ERR_FAILED").expectEvidence()))
        .doTest();
  }

  @Test
  void firefoxRecordsTheBlockedRequestsWithoutAReason() {
    // mixed-content--firefox-https-page-http-socket: status 0, time 0, no error field, empty timings
    tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/"))
            .entry(get("http://app.example.com:3000/socket.io/?EIO=4&transport=polling&t=P1")
                .requestHeader("Origin", "https://app.example.com").firefoxBlocked().expectEvidence())
            .after(1.5)
            .entry(get("http://app.example.com:3000/socket.io/?EIO=4&transport=polling&t=P2")
                .requestHeader("Origin", "https://app.example.com").firefoxBlocked().expectEvidence()))
        .doTest();
  }

  @Test
  void silentWhenThePageIsHttpToo() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://app.example.com/"))
            .entry(get("http://api.example.com/socket.io/?EIO=4&transport=polling&t=P1")
                .failed("net::ERR_CONNECTION_REFUSED")))
        .doTest();
  }

  @Test
  void silentWhenTheSecureUrlFailsForAnotherReason() {
    tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/"))
            .entry(get("https://api.example.com/socket.io/?EIO=4&transport=polling&t=P1")
                .failed("net::ERR_CERT_AUTHORITY_INVALID")))
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
