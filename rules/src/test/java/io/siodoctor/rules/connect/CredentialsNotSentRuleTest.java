package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HarFixture.Entry;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class CredentialsNotSentRuleTest {
  private static final String SID = "ssO51L53Emo8zXiyAAAA";
  private static final String PAGE = "http://app.example.com/";
  private static final String POLLING = "http://api.example.com:8080/socket.io/?EIO=4&transport=polling";
  private static final String STICKY = "SERVERID=node-a; path=/";

  private final RuleTester tester = RuleTester.of(new CredentialsNotSentRule());

  private static Entry crossOrigin(Entry e) {
    return e.requestHeader("Origin", "http://app.example.com").responseHeader("Access-Control-Allow-Origin", "http://app.example.com");
  }

  @Test
  void stickinessCookieNeverSentBackAndTheSessionLandsElsewhere() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document(PAGE))
            .entry(crossOrigin(get(POLLING + "&t=P1").body(open(SID, "websocket")))
                .responseHeader("Set-Cookie", STICKY).expectEvidence())
            .entry(crossOrigin(post(POLLING + "&t=P2&sid=" + SID, "40")).status(400).mime("application/json")
                .body(engineIoError(1, "Session ID unknown")).responseHeader("Set-Cookie", "SERVERID=node-b; path=/")
                .expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
    assertThat(f.sessionIds()).containsExactly(SID);
    assertThat(f.detail()).contains("cookie SERVERID set by 2 cross-origin response(s)").contains("Session ID unknown")
        .doesNotContain("node-a");
  }

  /** A session against another site whose answers allow credentials; the stickiness cookie as given. */
  private static HarFixture crossSiteWithCredentials(String cookie) {
    String polling = "http://realtime.example.net/socket.io/?EIO=4&transport=polling";
    return har()
        .entry(document(PAGE))
        .entry(crossOrigin(get(polling + "&t=P1").body(open(SID, "websocket")))
            .responseHeader("Access-Control-Allow-Credentials", "true").responseHeader("Set-Cookie", cookie).expectEvidence())
        .entry(crossOrigin(post(polling + "&t=P2&sid=" + SID, "40")).status(400).mime("application/json")
            .responseHeader("Access-Control-Allow-Credentials", "true")
            .body(engineIoError(1, "Session ID unknown")).responseHeader("Set-Cookie", cookie).expectEvidence());
  }

  @Test
  void aCookieWithoutSameSiteNoneOnAnotherSiteIsDroppedThoughCredentialsAreAllowed() {
    Finding lax = tester.addHar("fixture.har", crossSiteWithCredentials(STICKY)).doTest().orElseThrow();
    assertThat(lax.detail()).contains("different sites").contains("not `SameSite=None; Secure`")
        .doesNotContain("went without them");
    assertThat(lax.fix()).startsWith("The answers already allow credentials").contains("attr \"SameSite=None\" secure");
    // SameSite=None without Secure is rejected by the browser too
    Finding noSecure = RuleTester.of(new CredentialsNotSentRule())
        .addHar("fixture.har", crossSiteWithCredentials(STICKY + "; SameSite=None")).doTest().orElseThrow();
    assertThat(noSecure.detail()).contains("different sites");
    // a SameSite=None; Secure cookie that still does not come back: not this mechanism
    Finding none = RuleTester.of(new CredentialsNotSentRule())
        .addHar("fixture.har", crossSiteWithCredentials(STICKY + "; SameSite=None; Secure")).doTest().orElseThrow();
    assertThat(none.detail()).doesNotContain("different sites").doesNotContain("went without them");
    assertThat(none.fix()).isNull();
  }

  @Test
  void answersWithoutAllowCredentialsShowTheRequestsWentWithoutThem() {
    // app.example.com and api.example.com are one site: only the missing credentials drop the cookie
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document(PAGE))
            .entry(crossOrigin(get(POLLING + "&t=P1").body(open(SID, "websocket"))).responseHeader("Set-Cookie", STICKY)
                .expectEvidence())
            .entry(crossOrigin(post(POLLING + "&t=P2&sid=" + SID, "40")).status(400).mime("application/json")
                .body(engineIoError(1, "Session ID unknown")).expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("lack the `Access-Control-Allow-Credentials` header").contains("went without them")
        .doesNotContain("different sites");
    assertThat(f.fix()).isNull();
  }

  @Test
  void haproxyLogAloneShowsTheCookieInsertedOnEveryRequest() {
    tester
        .addLog("haproxy.log", """
            127.0.0.1:50100 [07/Dec/2026:12:00:00.100] fe be/node-a 0/0/0/1/1 200 380 - - --NI 1/1/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=polling&t=P1 HTTP/1.1"
            // EXPECT: credentials-not-sent
            127.0.0.1:50101 [07/Dec/2026:12:00:00.150] fe be/node-b 0/0/0/1/1 400 120 - - --NI 1/1/0/0/0 0/0 "POST /socket.io/?EIO=4&transport=polling&t=P2&sid=ssO51L53Emo8zXiyAAAA HTTP/1.1"
            // EXPECT: credentials-not-sent
            127.0.0.1:50102 [07/Dec/2026:12:00:00.160] fe be/node-a 0/0/0/1/1 200 32 - - --NI 1/1/0/0/0 0/0 "GET /socket.io/?EIO=4&transport=polling&t=P3&sid=ssO51L53Emo8zXiyAAAA HTTP/1.1"
            """)
        .doTest();
  }

  @Test
  void silentWhenTheCookieComesBack() {
    // withCredentials is on: the cookie is sent, a failure is something else
    tester
        .addHar("fixture.har", har()
            .entry(document(PAGE))
            .entry(crossOrigin(get(POLLING + "&t=P1").body(open(SID, "websocket"))).responseHeader("Set-Cookie", STICKY))
            .entry(crossOrigin(post(POLLING + "&t=P2&sid=" + SID, "40")).requestHeader("Cookie", "SERVERID=node-a")
                .status(400).mime("application/json").body(engineIoError(1, "Session ID unknown"))))
        .expectNoFindings().doTest();
  }

  @Test
  void silentWhenNothingFails() {
    // the cookie is not needed (one node): not sending it harms nothing
    tester
        .addHar("fixture.har", har()
            .entry(document(PAGE))
            .entry(crossOrigin(get(POLLING + "&t=P1").body(open(SID, "websocket"))).responseHeader("Set-Cookie", STICKY))
            .entry(crossOrigin(post(POLLING + "&t=P2&sid=" + SID, "40")).body("ok")))
        .expectNoFindings().doTest();
  }

  @Test
  void silentOnSameOriginAndOnSanitizedExports() {
    // same origin: the browser sends cookies without withCredentials; a missing one is the exporter
    HarFixture sameOrigin = har()
        .entry(document("http://api.example.com:8080/"))
        .entry(get(POLLING + "&t=P1").body(open(SID, "websocket")).responseHeader("Set-Cookie", STICKY))
        .entry(post(POLLING + "&t=P2&sid=" + SID, "40").status(400).mime("application/json")
            .body(engineIoError(1, "Session ID unknown")));
    RuleTester.of(new CredentialsNotSentRule()).addHar("fixture.har", sameOrigin).expectNoFindings().doTest();
    // a sanitized export has no Set-Cookie at all: nothing to say (sticky-session-missing speaks)
    HarFixture sanitized = har()
        .entry(document(PAGE))
        .entry(crossOrigin(get(POLLING + "&t=P1").body(open(SID, "websocket"))))
        .entry(crossOrigin(post(POLLING + "&t=P2&sid=" + SID, "40")).status(400).mime("application/json")
            .body(engineIoError(1, "Session ID unknown")));
    tester.addHar("fixture.har", sanitized).expectNoFindings().doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
