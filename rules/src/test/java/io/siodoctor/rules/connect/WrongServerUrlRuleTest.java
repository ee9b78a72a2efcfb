package io.siodoctor.rules.connect;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WrongServerUrlRuleTest {
  private static final String PAGE = "https://chat.example.com/";
  private final RuleTester tester = RuleTester.of(new WrongServerUrlRule());

  @Test
  void productionPageCallingLocalhost() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document(PAGE))
            .entry(get("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=P1")
                .requestHeader("Referer", PAGE).failed("net::ERR_CONNECTION_REFUSED").expectEvidence())
            .after(1.2)
            .entry(get("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=P2")
                .requestHeader("Referer", PAGE).failed("net::ERR_CONNECTION_REFUSED").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isGreaterThan(0.8);
    assertThat(f.detail()).contains("http://localhost:3000").contains("https://chat.example.com");
  }

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:3000,        net::ERR_CONNECTION_REFUSED",
    "http://192.168.1.20:3000,     net::ERR_CONNECTION_TIMED_OUT",
    "http://10.0.3.7:8080,         net::ERR_ADDRESS_UNREACHABLE",
    "http://172.20.0.5:3000,       net::ERR_CONNECTION_TIMED_OUT",
    "http://[::1]:3000,            net::ERR_CONNECTION_REFUSED",
    "http://api.internal:3000,     net::ERR_NAME_NOT_RESOLVED",
    "http://localhost:3000,        net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS",
  })
  void localOnlyUrlsFromAPublicPage(String base, String error) {
    tester
        .addHar("fixture.har", har()
            .entry(document(PAGE))
            .entry(get(base + "/socket.io/?EIO=4&transport=polling&t=P1").failed(error).expectEvidence()))
        .doTest();
  }

  @Test
  void containerServiceNameNeverResolvesWhateverThePage() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(get("http://backend:3000/socket.io/?EIO=4&transport=polling&t=P1")
                .failed("net::ERR_NAME_NOT_RESOLVED").expectEvidence()))
        .doTest();
  }

  @Test
  void httpsToAPlainHttpPort() {
    tester
        .addHar("fixture.har", har()
            .entry(document("http://chat.example.com:48641/"))
            .entry(get("https://chat.example.com:48642/socket.io/?EIO=4&transport=polling&t=P1")
                .failed("net::ERR_SSL_PROTOCOL_ERROR").expectEvidence()))
        .addLog("console.log", """
            // EXPECT: wrong-server-url
            socket.io.js:1216 GET https://chat.example.com:48642/socket.io/?EIO=4&transport=polling&t=P1 net::ERR_SSL_PROTOCOL_ERROR
            (index):10 connect_error xhr poll error
            """)
        .doTest();
  }

  @Test
  void webSocketOnlyClientInTheConsole() {
    tester
        .addHar("fixture.har", har().entry(document(PAGE)))
        .addLog("console.log", """
            // EXPECT: wrong-server-url
            socket.io.js:1482 WebSocket connection to 'ws://localhost:3000/socket.io/?EIO=4&transport=websocket' failed: Error in connection establishment: net::ERR_CONNECTION_REFUSED
            (index):12 connect_error websocket error
            """)
        .doTest();
  }

  @Test
  void developmentPortOfThePageHostIsWeaker() {
    Finding f = tester
        .addHar("fixture.har", har()
            .entry(document(PAGE))
            .entry(get("https://chat.example.com:3000/socket.io/?EIO=4&transport=polling&t=P1")
                .failed("net::ERR_CONNECTION_REFUSED").expectEvidence()))
        .doTest().orElseThrow();
    assertThat(f.confidence()).isLessThan(0.7);
  }

  @Test
  void silentWhenThePageIsLocalToo() {
    // development: page and server both on the developer's machine, the server is just down
    tester
        .addHar("fixture.har", har()
            .entry(document("http://127.0.0.1:47031/"))
            .entry(get("http://127.0.0.1:47032/socket.io/?EIO=4&transport=polling&t=P1")
                .failed("net::ERR_CONNECTION_REFUSED")))
        .doTest();
  }

  @Test
  void silentWhenAPublicServerIsDown() {
    tester
        .addHar("fixture.har", har()
            .entry(document(PAGE))
            .entry(get("https://api.example.com/socket.io/?EIO=4&transport=polling&t=P1")
                .failed("net::ERR_CONNECTION_REFUSED"))
            .entry(get("https://api.example.com/socket.io/?EIO=4&transport=polling&t=P2")
                .failed("net::ERR_CERT_AUTHORITY_INVALID"))
            .entry(get("https://api.example.com:8443/socket.io/?EIO=4&transport=polling&t=P3")
                .failed("net::ERR_CERT_DATE_INVALID")))
        .doTest();
  }

  @Test
  void firefoxRecordsNoReasonButTheLocalUrlFromAPublicPageIsWrongAnyway() {
    // Firefox's HAR: status 0, time 0, no error field; its console: "CORS request did not succeed"
    Finding f = tester
        .addHar("fixture.har", har().creator("Firefox")
            .entry(document(PAGE))
            .entry(get("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=P1")
                .requestHeader("Referer", PAGE).firefoxBlocked().expectEvidence()))
        .addLog("console.log", """
            // EXPECT: wrong-server-url
            Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://localhost:3000/socket.io/?EIO=4&transport=polling&t=P1. (Reason: CORS request did not succeed). Status code: (null).
            connect_error xhr poll error /:21:47
            """)
        .doTest().orElseThrow();
    assertThat(f.confidence()).isLessThan(0.9).isGreaterThan(0.8);
    assertThat(f.evidence().get(0).note()).contains("recorded no reason");
  }

  @Test
  void noReasonIsNotEnoughForAPublicUrlOrFromALocalPage() {
    // a public Socket.IO host that got no answer: down, blocked or refused, the URL may be right
    tester
        .addHar("fixture.har", har().creator("Firefox")
            .entry(document(PAGE))
            .entry(get("https://api.example.com/socket.io/?EIO=4&transport=polling&t=P1").firefoxBlocked()))
        .expectNoFindings().doTest();
    // the developer's own page on localhost: localhost is right there
    RuleTester.of(new WrongServerUrlRule())
        .addHar("fixture.har", har().creator("Firefox")
            .entry(document("http://localhost:8080/"))
            .entry(get("http://localhost:3000/socket.io/?EIO=4&transport=polling&t=P1").firefoxBlocked()))
        .expectNoFindings().doTest();
  }

  @Test
  void silentWhenTheLocalUrlWorks() {
    tester.addHar("fixture.har", HealthySessions.har()).expectNoFindings().doTest();
  }
}
