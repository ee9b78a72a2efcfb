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
  void accessLogShowsTheBrowserFollowingARedirectToALoginPage() {
    // nginx keeps no Location: the next request of the same client is the page, carrying the URL
    tester
        .addLog("access.log", """
            // EXPECT: non-socketio-response
            127.0.0.1 - - [07/Dec/2026:14:05:47 +0000] "GET /socket.io/?EIO=4&transport=polling&t=cf3wtdf3 HTTP/1.1" 302 145 "http://app.example.com/" "Mozilla/5.0 Chrome/156"
            127.0.0.1 - - [07/Dec/2026:14:05:47 +0000] "GET /favicon.ico HTTP/1.1" 200 12 "http://app.example.com/" "curl/8.0"
            // EXPECT: non-socketio-response
            127.0.0.1 - - [07/Dec/2026:14:05:47 +0000] "GET /signin?rd=http%3A%2F%2Fapp.example.com%2Fsocket.io%2F%3FEIO%3D4%26transport%3Dpolling%26t%3Dcf3wtdf3 HTTP/1.1" 200 202 "http://app.example.com/" "Mozilla/5.0 Chrome/156"
            """)
        .doTest().orElseThrow();
  }

  @Test
  void silentOnAnAccessLogRedirectFollowedByTheEngineIoUrlAgain() {
    // http to https: the browser asks for the Engine.IO URL again
    tester
        .addLog("access.log", """
            127.0.0.1 - - [07/Dec/2026:14:05:47 +0000] "GET /socket.io/?EIO=4&transport=polling&t=cf3wtdf3 HTTP/1.1" 301 162 "http://app.example.com/" "Mozilla/5.0 Chrome/156"
            127.0.0.1 - - [07/Dec/2026:14:05:47 +0000] "GET /socket.io/?EIO=4&transport=polling&t=cf3wtdf3 HTTP/1.1" 200 97 "http://app.example.com/" "Mozilla/5.0 Chrome/156"
            """)
        .expectNoFindings().doTest();
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
