package io.siodoctor.parsers.har;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.Header;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsCheckTest {
  private static final String API = "http://api.example:3000/socket.io/?EIO=4&transport=polling&t=a";

  private static List<Header> req(String... nameValues) {
    return headers(nameValues);
  }

  private static List<Header> headers(String... nameValues) {
    Header[] h = new Header[nameValues.length / 2];
    for (int i = 0; i < h.length; i++) {
      h[i] = new Header(nameValues[2 * i], nameValues[2 * i + 1]);
    }
    return List.of(h);
  }

  @Test
  void crossOriginWithoutAllowOriginIsRejected() {
    assertThat(CorsCheck.rejection("GET", API, req("Origin", "http://app.example"), headers()))
        .contains("no Access-Control-Allow-Origin for origin http://app.example");
  }

  @Test
  void matchingAllowOriginPasses() {
    assertThat(CorsCheck.rejection("GET", API, req("Origin", "http://app.example"),
        headers("Access-Control-Allow-Origin", "http://app.example"))).isEmpty();
  }

  @Test
  void anotherAllowedOriginIsRejected() {
    assertThat(CorsCheck.rejection("GET", API, req("Origin", "http://app.example"),
        headers("access-control-allow-origin", "https://app.example")))
        .hasValueSatisfying(w -> assertThat(w).contains("is not the page origin"));
  }

  @Test
  void wildcardPassesWithoutCredentialsButNotWithCookies() {
    assertThat(CorsCheck.rejection("GET", API, req("Origin", "http://app.example"),
        headers("Access-Control-Allow-Origin", "*"))).isEmpty();
    assertThat(CorsCheck.rejection("GET", API, req("Origin", "http://app.example", "Cookie", "io=1"),
        headers("Access-Control-Allow-Origin", "*"))).isPresent();
  }

  @Test
  void cookiesNeedAllowCredentials() {
    List<Header> request = req("Origin", "http://app.example", "Cookie", "io=1");
    assertThat(CorsCheck.rejection("GET", API, request, headers("Access-Control-Allow-Origin", "http://app.example")))
        .contains("credentials sent without Access-Control-Allow-Credentials: true");
    assertThat(CorsCheck.rejection("GET", API, request, headers("Access-Control-Allow-Origin", "http://app.example",
        "Access-Control-Allow-Credentials", "true"))).isEmpty();
  }

  @Test
  void sameOriginOriginHeaderNoOriginPreflightsAndNullOriginAreNotChecked() {
    // Firefox and Chrome send Origin on same-origin POSTs too; default ports are the same origin
    assertThat(CorsCheck.rejection("POST", "http://api.example/socket.io/?EIO=4", req("Origin", "http://api.example:80"),
        headers())).isEmpty();
    assertThat(CorsCheck.rejection("GET", API, req(), headers())).isEmpty();
    assertThat(CorsCheck.rejection("OPTIONS", API, req("Origin", "http://app.example"), headers())).isEmpty();
    assertThat(CorsCheck.rejection("GET", API, req("Origin", "null"), headers())).isEmpty();
  }

  @Test
  void originsNormaliseSchemeHostAndDefaultPorts() {
    assertThat(CorsCheck.origin("WSS://API.example:443/x")).contains("https://api.example");
    assertThat(CorsCheck.origin("http://h:8080/a?b")).contains("http://h:8080");
    assertThat(CorsCheck.origin("not a url")).isEmpty();
  }
}
