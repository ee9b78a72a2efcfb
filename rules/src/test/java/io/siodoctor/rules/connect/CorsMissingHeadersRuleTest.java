package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HarFixture.Entry;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class CorsMissingHeadersRuleTest {
  private static final String PAGE = "http://localhost:8080";
  private static final String SERVER = "http://localhost:3000";
  private static final String HANDSHAKE = SERVER + "/socket.io/?EIO=4&transport=polling&t=";

  private final RuleTester tester = RuleTester.of(new CorsMissingHeadersRule());

  /** A request from the page to the server, answered with the headers every real answer has. */
  private static Entry crossOrigin(Entry e) {
    return e.requestHeader("Origin", PAGE).requestHeader("Referer", PAGE + "/")
        .responseHeader("Content-Type", "text/plain; charset=UTF-8");
  }

  @Test
  void anAnswerExportedWithoutItsHeadersShowsNoCorsFailure() {
    // a sanitizer or exporter that drops every header: the missing Allow-Origin proves nothing
    tester
        .addHar("fixture.har", har()
            .entry(document(PAGE + "/"))
            .entry(get(HANDSHAKE + "P1").body(open("Lbo5JLzTotvW3g2LAAAA", "websocket"))))
        .expectNoFindings()
        .doTest();
  }

  @Test
  void aSanitizedAllowOriginShowsNoCorsFailure() {
    // Google's and Cloudflare's sanitizers write "[<name> redacted]" in place of a value
    tester
        .addHar("fixture.har", har()
            .entry(document(PAGE + "/"))
            .entry(crossOrigin(get(HANDSHAKE + "P1"))
                .responseHeader("Access-Control-Allow-Origin", "[access-control-allow-origin redacted]")
                .body(open("Lbo5JLzTotvW3g2LAAAA", "websocket"))))
        .expectNoFindings()
        .doTest();
  }

  @Test
  void answerWithoutAllowOrigin() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document(PAGE + "/"))
            .entry(crossOrigin(get(HANDSHAKE + "P1")).body(open("Lbo5JLzTotvW3g2LAAAA", "websocket"))
                .expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
    assertThat(f.detail()).contains(PAGE);
    assertThat(f.fix()).contains("origin: \"" + PAGE + "\"");
  }

  @Test
  void chromeRecordsTheBlockedAnswerAsStatus200WithErrFailed() {
    // what Chrome exports for a response it refused to hand to the page: status kept, no headers
    tester
        .addHar("fixture.har", har()
            .entry(document(PAGE + "/"))
            .entry(crossOrigin(get(HANDSHAKE + "P1")).error("net::ERR_FAILED").expectEvidence())
            .after(0.8)
            .entry(crossOrigin(get(HANDSHAKE + "P2")).error("net::ERR_FAILED").expectEvidence()))
        .doTest();
  }

  @Test
  void wildcardAnsweredToACredentialedRequestWhoseCookieWasSanitizedAway() {
    // a sanitized export drops the Cookie header; the browser's refusal of a "*" answer (status 200
    // kept, _error net::ERR_FAILED) is what only a request with credentials gets
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document(PAGE + "/"))
            .entry(crossOrigin(get(HANDSHAKE + "P1")).responseHeader("Access-Control-Allow-Origin", "*")
                .body(open("Lbo5JLzTotvW3g2LAAAA", "websocket")).error("net::ERR_FAILED").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.evidence().get(0).note()).contains("* on a request with credentials");
  }

  @Test
  void requestThatFailedLikeCorsWithoutAnAnswerIsLessCertain() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document(PAGE + "/"))
            .entry(crossOrigin(get(HANDSHAKE + "P1")).failed("net::ERR_FAILED").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isLessThan(0.9);
  }

  @Test
  void wildcardOriginOnACredentialedRequest() {
    tester
        .addHar("fixture.har", har()
            .entry(document(PAGE + "/"))
            .entry(crossOrigin(get(HANDSHAKE + "P1")).requestHeader("Cookie", "io=abc; session=s3cr3t")
                .responseHeader("Access-Control-Allow-Origin", "*")
                .body(open("Lbo5JLzTotvW3g2LAAAA", "websocket")).expectEvidence()))
        .doTest();
  }

  @Test
  void allowOriginNamesAnotherOrigin() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document(PAGE + "/"))
            .entry(crossOrigin(get(HANDSHAKE + "P1"))
                .responseHeader("Access-Control-Allow-Origin", "https://app.example.com")
                .body(open("Lbo5JLzTotvW3g2LAAAA", "websocket")).expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.evidence().get(0).note()).contains("https://app.example.com");
  }

  @Test
  void nettySocketIoAnswersItsConfiguredOriginToAnyPage() {
    // cors-missing-headers--netty-set-origin-mismatch: Configuration.setOrigin is written verbatim;
    // the Server header names netty-socketio, so the fix names its setting
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document(PAGE + "/"))
            .entry(crossOrigin(get(HANDSHAKE + "P1")).error("net::ERR_FAILED")
                .responseHeader("Access-Control-Allow-Origin", "https://chat.example.com")
                .responseHeader("Access-Control-Allow-Credentials", "true")
                .responseHeader("server", "netty-socketio/2.0.13").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.fix()).contains("config.setOrigin(\"" + PAGE + "\")").doesNotContain("new Server(");
    assertThat(f.detail()).contains("netty-socketio");
  }

  @Test
  void silentOnHealthyCrossOriginSessionWithTheHeader() {
    HarFixture har = har().entry(document(PAGE + "/"));
    HealthySessions.v4("Lbo5JLzTotvW3g2LAAAA").server(SERVER).crossOriginFrom(PAGE).appendTo(har);
    tester.addHar("fixture.har", har).expectNoFindings().doTest();
  }

  @Test
  void silentOnWildcardWithoutCredentials() {
    tester
        .addHar("fixture.har", har()
            .entry(document(PAGE + "/"))
            .entry(crossOrigin(get(HANDSHAKE + "P1")).responseHeader("Access-Control-Allow-Origin", "*")
                .body(open("Lbo5JLzTotvW3g2LAAAA"))))
        .expectNoFindings()
        .doTest();
  }

  @Test
  void silentOnHealthySameOriginSession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }

  @Test
  void pythonEngineIoRefusesTheOriginItself() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document(PAGE + "/"))
            .entry(crossOrigin(get(HANDSHAKE + "P1")).status(400).mime("text/plain")
                .body("\"" + PAGE + " is not an accepted origin.\"").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThan(0.9);
    assertThat(f.fix()).contains("cors_allowed_origins=[\"" + PAGE + "\"]");
  }

  @Test
  void pythonServerLogAloneShowsTheRefusedOrigin() {
    Finding f = tester
        .addLog("server.log", """
            // EXPECT: cors-missing-headers
            2026-12-07 14:06:54,265 ERROR engineio.server: http://127.0.0.1:38795 is not an accepted origin. (further occurrences of this error will be logged with level INFO)
            """)
        .doTest().orElseThrow();
    assertThat(f.detail()).contains("http://127.0.0.1:38795");
  }

  @Test
  void anErrorAnswerWithoutCorsHeadersIsOnlyASuspect() {
    // netty-socketio answers an unknown session 500 and a refused handshake 401, both without
    // CORS headers: the refusal comes first
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document(PAGE + "/"))
            .entry(crossOrigin(get(HANDSHAKE + "P1")).status(401).mime("x-unknown").body("").error("net::ERR_FAILED")
                .expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isLessThan(0.7);
  }

  @Test
  void serverErrorsWithoutCorsHeadersAreNoCorsProblem() {
    // a 500 (netty-socketio's unknown session) or a proxy's 502 never carries CORS headers
    assertThat(tester
        .addHar("fixture.har", har()
            .entry(document(PAGE + "/"))
            .entry(crossOrigin(get(HANDSHAKE + "P1")).status(502).mime("text/html").body("").error("net::ERR_FAILED"))
            .entry(crossOrigin(get(HANDSHAKE + "P2")).status(500).mime("text/plain").body("").error("net::ERR_FAILED")))
        .doTest()).isEmpty();
  }
}
