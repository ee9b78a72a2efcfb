package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class CspBlockedRuleTest {
  private static final String API = "https://api.example.com/socket.io/?EIO=4&transport=polling&t=";
  private final RuleTester tester = RuleTester.of(new CspBlockedRule());

  @Test
  void policyListsTheWebSocketOriginButNotThePollingOne() {
    // Chrome's HAR: status 0 and an empty _error, ~0.03 ms (sample-captures/csp-blocked--*)
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/")
                .responseHeader("Content-Security-Policy", "default-src 'self'; connect-src 'self' wss://api.example.com")
                .expectEvidence())
            .entry(get(API + "P1").requestHeader("Referer", "https://app.example.com/")
                .failed("").took(0.03).expectEvidence())
            .after(1.1)
            .entry(get(API + "P2").requestHeader("Referer", "https://app.example.com/")
                .failed("").took(0.03).expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("https://api.example.com").contains("connect-src 'self' wss://api.example.com");
    assertThat(f.fix()).contains("https://api.example.com wss://api.example.com");
  }

  @Test
  void firefoxRecordsNoReasonForTheBlockedRequests() {
    // csp-blocked--firefox-connect-src: status 0, time 0, no error field, empty timings
    tester
        .addHar("fixture.har", har()
            .entry(document("http://app.example.com/")
                .responseHeader("Content-Security-Policy", "connect-src 'self' ws://api.example.com")
                .expectEvidence())
            .entry(get("http://api.example.com/socket.io/?EIO=4&transport=polling&t=P1")
                .requestHeader("Referer", "http://app.example.com/").firefoxBlocked().expectEvidence())
            .after(1.5)
            .entry(get("http://api.example.com/socket.io/?EIO=4&transport=polling&t=P2")
                .requestHeader("Referer", "http://app.example.com/").firefoxBlocked().expectEvidence()))
        .doTest();
  }

  @Test
  void silentWhenTheRequestFailedInTheTlsHandshakeThePolicyAllowed() {
    // a reason of its own, even where Firefox's timings are the only record of it
    tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/")
                .responseHeader("Content-Security-Policy", "connect-src 'self' https://api.example.com wss://api.example.com"))
            .entry(get(API + "P1").requestHeader("Referer", "https://app.example.com/").firefoxNoAnswer(5)))
        .expectNoFindings()
        .doTest();
  }

  @Test
  void defaultSrcIsTheFallback() {
    tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/")
                .responseHeader("Content-Security-Policy", "default-src 'self' https://cdn.example.com; img-src *")
                .expectEvidence())
            .entry(get(API + "P1").failed("").expectEvidence()))
        .doTest();
  }

  @Test
  void policyInAMetaTag() {
    tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/")
                .body("<!doctype html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"connect-src 'self'\"></head></html>")
                .expectEvidence())
            .entry(get(API + "P1").failed("").expectEvidence()))
        .doTest();
  }

  @Test
  void playwrightsFailureTextAndChromesErrorCode() {
    tester
        .addHar("fixture.har", har()
            .entry(get(API + "P1").failed("csp").expectEvidence())
            .entry(get(API + "P2").failed("net::ERR_BLOCKED_BY_CSP").expectEvidence())
            .entry(get(API + "P3").failed("(blocked:csp)").expectEvidence()))
        .doTest();
  }

  @Test
  void consoleViolationsInOldAndNewWording() {
    tester
        .addLog("console.log", """
            // EXPECT: csp-blocked
            socket.io.js:1216 Connecting to 'https://api.example.com/socket.io/?EIO=4&transport=polling&t=cchnias6' violates the following Content Security Policy directive: "connect-src 'self' wss://api.example.com". The action has been blocked.
            // EXPECT: csp-blocked
            socket.io.js:1 Refused to connect to 'wss://api.example.com/socket.io/?EIO=4&transport=websocket' because it violates the following Content Security Policy directive: "default-src 'self'". Note that 'connect-src' was not explicitly set, so 'default-src' is used as a fallback.
            (index):3 Loading the image 'data:,' violates the following Content Security Policy directive: "default-src 'self'". The action has been blocked.
            (index):9 Refused to connect to 'https://api.example.com/metrics' because it violates the following Content Security Policy directive: "connect-src 'self'".
            """)
        .doTest();
  }

  @Test
  void policyWithoutTheWebSocketFormKeepsTheSessionOnPolling() {
    // sample-captures/csp-blocked--websocket-not-allowed: Chrome leaves no entry for the blocked ws://
    String base = "https://api.example.com/socket.io/?EIO=4&transport=polling&t=";
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/")
                .responseHeader("Content-Security-Policy", "default-src 'self'; connect-src 'self' https://api.example.com")
                .expectEvidence())
            .entry(get(base + "H1").body(open("Sid1", "websocket")).expectEvidence())
            .entry(post(base + "P1&sid=Sid1", "40").body("ok"))
            .entry(get(base + "P2&sid=Sid1").body("40{\"sid\":\"So1\"}"))
            .after(25)
            .entry(get(base + "P3&sid=Sid1").body("2"))
            .entry(post(base + "P4&sid=Sid1", "3").body("ok")))
        .doTest().orElseThrow();
    assertThat(f.sessionIds()).containsExactly("Sid1");
    assertThat(f.confidence()).as("inferred from the policy alone").isLessThan(0.9);
    assertThat(f.evidence().get(1).note()).contains("wss://api.example.com").contains("long-polling");
  }

  @Test
  void bodiesLeftOutButTheSessionPolledOnWithoutAWebSocket() {
    String base = "https://api.example.com/socket.io/?EIO=4&transport=polling&t=";
    tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/")
                .responseHeader("Content-Security-Policy", "connect-src 'self' https://api.example.com")
                .expectEvidence())
            .entry(get(base + "H1").body(""))
            .entry(post(base + "P1&sid=Sid1", "40").body("").expectEvidence())
            .entry(get(base + "P2&sid=Sid1").body(""))
            .after(25)
            .entry(get(base + "P3&sid=Sid1").body(""))
            .entry(post(base + "P4&sid=Sid1", "3").body("")))
        .doTest();
  }

  @Test
  void silentWhenThePolicyAllowsTheWebSocketAndTheClientStaysOnPollingAnyway() {
    String base = "https://api.example.com/socket.io/?EIO=4&transport=polling&t=";
    tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/")
                .responseHeader("Content-Security-Policy", "connect-src 'self' https://api.example.com wss://api.example.com"))
            .entry(get(base + "H1").body(open("Sid1", "websocket")))
            .entry(post(base + "P1&sid=Sid1", "40").body("ok"))
            .entry(get(base + "P2&sid=Sid1").body("40{\"sid\":\"So1\"}")))
        .doTest();
  }

  @Test
  void silentWhenThePolicyAllowsTheSocketAndTheRequestFailsOtherwise() {
    tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/")
                .responseHeader("Content-Security-Policy", "connect-src 'self' https://api.example.com wss://api.example.com"))
            .entry(get(API + "P1").failed("net::ERR_CONNECTION_REFUSED"))
            .entry(get(API + "P2").failed("")))
        .doTest();
  }

  @Test
  void silentWhenTheExcludedRequestWasAnswered() {
    // a policy we would misread must not turn an answered request into a block
    tester
        .addHar("fixture.har", HealthySessions.har())
        .addHar("page.har", har()
            .entry(document("http://localhost:3000/")
                .responseHeader("Content-Security-Policy", "connect-src 'none'"))
            .entry(get("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=X1").status(200).body("0{\"sid\":\"abc\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000}")))
        .doTest();
  }

  @Test
  void silentWhenOnlyReportOnly() {
    tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/")
                .responseHeader("Content-Security-Policy-Report-Only", "connect-src 'self'"))
            .entry(get(API + "P1").failed("")))
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
