package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static io.siodoctor.rules.testing.HarFixture.webSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HarFixture.Entry;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PlatformNoWebsocketRuleTest {
  private static final String SID = "ssO51L53Emo8zXiyAAAA";
  private static final String ORIGIN = "https://app.example.com";
  private static final String POLLING = ORIGIN + "/socket.io/?EIO=4&transport=polling";
  private static final String WS = "wss://app.example.com/socket.io/?EIO=4&transport=websocket&sid=" + SID;

  private final RuleTester tester = RuleTester.of(new PlatformNoWebsocketRule());

  private static UnaryOperator<Entry> vercel() {
    return e -> e.responseHeader("server", "Vercel").responseHeader("x-vercel-id", "fra1::iad1::8x2k5-1765108800000-0123456789ab");
  }

  @Test
  void serverlessFunctionForgetsTheSessionAndRefusesTheWebSocket() {
    UnaryOperator<Entry> v = vercel();
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document(ORIGIN + "/"))
            .entry(v.apply(get(POLLING + "&t=P1").body(open(SID, "websocket"))).expectEvidence())
            .entry(v.apply(post(POLLING + "&t=P2&sid=" + SID, "40")).status(400).mime("application/json")
                .body(engineIoError(1, "Session ID unknown")).expectEvidence())
            .entry(webSocket(WS).status(0).message("error", 0.05, "Unexpected response code: 400").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
    assertThat(f.sessionIds()).containsExactly(SID);
    assertThat(f.detail()).contains("Vercel").contains("Session ID unknown").contains("WebSocket(s) refused");
  }

  @Test
  void serverlessPlatformAnswersTheSocketUrlWithItsOwn404() {
    tester
        .addHar("fixture.har", har()
            .entry(document(ORIGIN + "/"))
            .entry(get(POLLING + "&t=P1").status(404).mime("text/html").body("<!DOCTYPE html><title>Page not found</title>")
                .responseHeader("server", "Netlify").responseHeader("x-nf-request-id", "01JEXAMPLE0000000000000000").expectEvidence()))
        .doTest();
  }

  @Test
  void azureWithWebSocketsOff() {
    UnaryOperator<Entry> azure = e -> e.responseHeader("Set-Cookie", "ARRAffinity=0123abcd; Path=/; HttpOnly; Secure; Domain=app.azurewebsites.net");
    tester
        .addHar("fixture.har", har()
            .entry(document(ORIGIN + "/"))
            .entry(azure.apply(get(POLLING + "&t=P1").body(open(SID, "websocket"))).expectEvidence())
            .entry(post(POLLING + "&t=P2&sid=" + SID, "40").body("ok"))
            .entry(webSocket(WS).status(0).message("error", 0.05, "Unexpected response code: 400").expectEvidence())
            .entry(get(POLLING + "&t=P3&sid=" + SID).body("40{\"sid\":\"x\"}")))
        .doTest();
  }

  @Test
  void herokuDynosWithoutAffinity() {
    UnaryOperator<Entry> heroku = e -> e.responseHeader("Via", "1.1 vegur");
    tester
        .addHar("fixture.har", har()
            .entry(document(ORIGIN + "/"))
            .entry(heroku.apply(get(POLLING + "&t=P1").body(open(SID, "websocket"))).expectEvidence())
            .entry(heroku.apply(post(POLLING + "&t=P2&sid=" + SID, "40")).status(400).mime("application/json")
                .body(engineIoError(1, "Session ID unknown")).expectEvidence()))
        .doTest();
  }

  @Test
  void silentWhenHerokuOnlyRefusesTheWebSocket() {
    // Heroku's router passes WebSockets: a refused one is something else (websocket-upgrade-blocked)
    UnaryOperator<Entry> heroku = e -> e.responseHeader("Via", "1.1 vegur");
    tester
        .addHar("fixture.har", har()
            .entry(document(ORIGIN + "/"))
            .entry(heroku.apply(get(POLLING + "&t=P1").body(open(SID, "websocket"))))
            .entry(heroku.apply(post(POLLING + "&t=P2&sid=" + SID, "40").body("ok")))
            .entry(webSocket(WS).status(0).message("error", 0.05, "Unexpected response code: 400")))
        .expectNoFindings().doTest();
  }

  @Test
  void silentOnAWorkingSessionOnAPlatform() {
    HarFixture h = HealthySessions.har();
    // the same healthy session, its handshake answered through Vercel's edge: nothing failed
    HarFixture v = har().entry(document(HealthySessions.ORIGIN + "/"))
        .entry(vercel().apply(get(HealthySessions.ORIGIN + "/socket.io/?EIO=4&transport=polling&t=Q1")
            .body(open("vErCeLsEsSiOnAAAAAAA", "websocket"))))
        .entry(vercel().apply(post(HealthySessions.ORIGIN + "/socket.io/?EIO=4&transport=polling&t=Q2&sid=vErCeLsEsSiOnAAAAAAA", "40").body("ok")));
    tester.addHar("fixture.har", v).expectNoFindings().doTest();
    RuleTester.of(new PlatformNoWebsocketRule()).addHar("fixture.har", h).expectNoFindings().doTest();
  }

  @Test
  void silentWithoutAPlatform() {
    // the same failures with no platform header: sticky-session-missing / websocket-upgrade-blocked speak
    tester
        .addHar("fixture.har", har()
            .entry(document(ORIGIN + "/"))
            .entry(get(POLLING + "&t=P1").body(open(SID, "websocket")))
            .entry(post(POLLING + "&t=P2&sid=" + SID, "40").status(400).mime("application/json")
                .body(engineIoError(1, "Session ID unknown")))
            .entry(webSocket(WS).status(0).message("error", 0.05, "Unexpected response code: 400")))
        .expectNoFindings().doTest();
  }
}
