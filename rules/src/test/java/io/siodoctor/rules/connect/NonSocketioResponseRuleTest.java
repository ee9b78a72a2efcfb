package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;

class NonSocketioResponseRuleTest {
  private static final String HANDSHAKE = "https://app.example.com/socket.io/?EIO=4&transport=polling&t=";
  private static final String INDEX = "<!doctype html>\n<html>\n<head><meta charset=\"utf-8\"><title>Chat\n (single-page app)</title></head><body><div id=\"app\"></div></body></html>";
  private final RuleTester tester = RuleTester.of(new NonSocketioResponseRule());

  @Test
  void spaFallbackServesIndexHtml() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document("https://app.example.com/").body(INDEX))
            .entry(get(HANDSHAKE + "P1").mime("text/html").body(INDEX).expectEvidence())
            .after(1.1)
            .entry(get(HANDSHAKE + "P2").mime("text/html").body(INDEX).expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.evidence().get(0).note()).contains("Chat (single-page app)");
    assertThat(f.detail()).contains("text/html");
  }

  @Test
  void htmlBodyWithAWrongContentType() {
    tester
        .addHar("fixture.har", har()
            .entry(get(HANDSHAKE + "P1").mime("text/plain").body("  <!DOCTYPE html><html><body>You are about to visit…</body></html>").expectEvidence()))
        .doTest();
  }

  @Test
  void loginRedirectToAnotherHost() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(get(HANDSHAKE + "P1").status(302)
                .responseHeader("Location", "https://login.example.com/signin?rd=https://app.example.com/socket.io/?EIO=4&transport=polling&t=P1")
                .expectEvidence())
            .entry(get("https://login.example.com/signin?rd=https://app.example.com/socket.io/?EIO=4&transport=polling&t=P1")
                .error("net::ERR_FAILED")))
        .doTest().orElseThrow();
    assertThat(f.evidence().get(0).note()).contains("https://login.example.com/signin");
  }

  @Test
  void redirectNamedByChromesCorsMessage() {
    tester
        .addLog("console.log", """
            // EXPECT: non-socketio-response
            app.example.com/:1 Access to XMLHttpRequest at 'https://login.example.com/signin?rd=https://app.example.com/socket.io/?EIO=4&transport=polling&t=P1' (redirected from 'https://app.example.com/socket.io/?EIO=4&transport=polling&t=P1') from origin 'https://app.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.
            app.example.com/:1 Access to XMLHttpRequest at 'https://app.example.com/socket.io/?EIO=4&transport=polling&t=P2' (redirected from 'http://app.example.com/socket.io/?EIO=4&transport=polling&t=P2') from origin 'https://www.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.
            app.example.com/:1 Access to XMLHttpRequest at 'https://api.example.com/socket.io/?EIO=4&transport=polling&t=P3' from origin 'https://app.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.
            """)
        .doTest();
  }

  @Test
  void relativeRedirectToALoginPath() {
    tester
        .addHar("fixture.har", har()
            .entry(get(HANDSHAKE + "P1").status(307).responseHeader("Location", "/auth/login?next=%2Fsocket.io%2F").expectEvidence()))
        .doTest();
  }

  @Test
  void cloudflareChallengePage() {
    tester
        .addHar("fixture.har", har()
            .entry(get(HANDSHAKE + "P1").status(403).mime("text/html")
                .responseHeader("cf-mitigated", "challenge").responseHeader("Server", "cloudflare")
                .body("<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>").expectEvidence()))
        .doTest();
  }

  @Test
  void captivePortal() {
    tester
        .addHar("fixture.har", har()
            .entry(get(HANDSHAKE + "P1").status(511).mime("text/html").body("<html><title>Wi-Fi login</title></html>").expectEvidence()))
        .doTest();
  }

  @Test
  void silentOnRedirectsThatKeepTheEngineIoUrl() {
    // http -> https, trailing slash: a proxy's ordinary answer, followed to the real server
    tester
        .addHar("fixture.har", har()
            .entry(get("http://app.example.com/socket.io/?EIO=4&transport=polling&t=P1").status(301)
                .responseHeader("Location", "https://app.example.com/socket.io/?EIO=4&transport=polling&t=P1"))
            .entry(get("https://app.example.com/socket.io?EIO=4&transport=polling&t=P2").status(308)
                .responseHeader("Location", "/socket.io/?EIO=4&transport=polling&t=P2")))
        .doTest();
  }

  @Test
  void silentOn404AndEngineIoErrors() {
    // 404 HTML is wrong-path; engine.io's own JSON errors are its own causes
    tester
        .addHar("fixture.har", har()
            .entry(get(HANDSHAKE + "P1").status(404).mime("text/html").body("<!DOCTYPE html><html><body><pre>Cannot GET /socket.io/</pre></body></html>"))
            .entry(get(HANDSHAKE + "P2").status(400).mime("application/json").body(engineIoError(5, "Unsupported protocol version"))))
        .doTest();
  }

  @Test
  void bodyLeftOutByTheExporter() {
    tester
        .addHar("fixture.har", har()
            .entry(get(HANDSHAKE + "P1").mime("text/html").body("").expectEvidence()))
        .doTest();
  }

  @Test
  void silentOnEngineIoAnswersLabelledHtml() {
    // engine.io answers a polling POST with "ok" as text/html
    tester
        .addHar("fixture.har", har()
            .entry(get(HANDSHAKE + "P1").mime("text/html").body("ok")))
        .doTest();
  }

  @Test
  void silentOnHealthySession() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
