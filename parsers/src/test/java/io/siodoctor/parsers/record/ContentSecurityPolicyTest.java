package io.siodoctor.parsers.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentSecurityPolicyTest {
  private static final String PAGE = "http://127.0.0.1:38647/page";

  /**
   * What Chromium 156 did with a page on http://127.0.0.1:38647 under each policy, measured here
   * with fetch() and new WebSocket() to the same host and port (see the csp-blocked capture README).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "connect-src http://127.0.0.1:38647   | true  | false",
    "connect-src https://127.0.0.1:38647  | false | false",
    "connect-src ws://127.0.0.1:38647     | false | true",
    "connect-src 'self'                   | true  | true",
    "connect-src *                        | true  | true",
    "connect-src http:                    | true  | false",
    "connect-src ws:                      | false | true",
    "connect-src 127.0.0.1:38647          | true  | false",
    "default-src 'self'                   | true  | true",
    "connect-src http://127.0.0.1:*       | true  | false",
    "connect-src http://*.0.0.1:38647     | true  | false",
  })
  void matchesWhatChromiumDid(String policy, boolean http, boolean ws) {
    ContentSecurityPolicy p = ContentSecurityPolicy.parse(policy).get(0);
    assertThat(p.allowsConnect("http://127.0.0.1:38647/socket.io/?EIO=4&transport=polling", PAGE)).isEqualTo(http);
    assertThat(p.allowsConnect("ws://127.0.0.1:38647/socket.io/?EIO=4&transport=websocket", PAGE)).isEqualTo(ws);
  }

  @Test
  void connectSrcFallsBackToDefaultSrcAndWinsOverIt() {
    ContentSecurityPolicy fallback = ContentSecurityPolicy.parse("default-src 'self'; img-src *").get(0);
    assertThat(fallback.connectDirective()).contains("default-src");
    assertThat(fallback.allowsConnect("https://api.example.com/socket.io/?EIO=4", "https://app.example.com/")).isFalse();
    ContentSecurityPolicy own = ContentSecurityPolicy.parse("default-src 'none'; connect-src https://api.example.com wss://api.example.com").get(0);
    assertThat(own.connectDirectiveText()).contains("connect-src https://api.example.com wss://api.example.com");
    assertThat(own.allowsConnect("https://api.example.com/socket.io/?EIO=4", "https://app.example.com/")).isTrue();
    assertThat(own.allowsConnect("wss://api.example.com/socket.io/?EIO=4", "https://app.example.com/")).isTrue();
  }

  @Test
  void noConnectDirectiveAllowsEverything() {
    ContentSecurityPolicy p = ContentSecurityPolicy.parse("script-src 'self'; frame-ancestors 'none'").get(0);
    assertThat(p.connectDirective()).isEmpty();
    assertThat(p.allowsConnect("wss://anywhere.example/socket.io/", "https://app.example.com/")).isTrue();
  }

  @Test
  void wildcardsSchemesPortsAndPaths() {
    String page = "https://app.example.com/";
    ContentSecurityPolicy p = ContentSecurityPolicy.parse("connect-src https://*.example.com wss: http://legacy.example.net/socket.io/").get(0);
    assertThat(p.allowsConnect("https://api.example.com/socket.io/?EIO=4", page)).isTrue();
    assertThat(p.allowsConnect("https://example.com/socket.io/?EIO=4", page)).as("*. needs a subdomain").isFalse();
    assertThat(p.allowsConnect("https://api.example.com:8443/socket.io/?EIO=4", page)).as("default port only").isFalse();
    assertThat(p.allowsConnect("wss://other.example.org/socket.io/?EIO=4", page)).isTrue();
    assertThat(p.allowsConnect("https://legacy.example.net/socket.io/?EIO=4", page)).as("http source upgrades").isTrue();
    assertThat(p.allowsConnect("http://legacy.example.net/other/", page)).as("path prefix").isFalse();
    assertThat(ContentSecurityPolicy.parse("connect-src 'none'").get(0).allowsConnect("https://app.example.com/", page)).isFalse();
  }

  @Test
  void commaJoinedPoliciesAndDuplicateDirectives() {
    List<ContentSecurityPolicy> ps = ContentSecurityPolicy.parse("connect-src 'self', default-src https:");
    assertThat(ps).hasSize(2);
    ContentSecurityPolicy dup = ContentSecurityPolicy.parse("connect-src 'self'; connect-src *").get(0);
    assertThat(dup.allowsConnect("https://api.example.com/", "https://app.example.com/")).as("first directive wins").isFalse();
    assertThat(ContentSecurityPolicy.parse(" ; ,")).isEmpty();
  }

  @Test
  void policiesFromAMetaTag() {
    String html = "<!doctype html><html><head><META http-equiv=\"Content-Security-Policy\" content=\"connect-src 'self' wss://api.example.com\">"
        + "<meta http-equiv='Content-Security-Policy-Report-Only' content='connect-src none'><title>x</title></head></html>";
    List<ContentSecurityPolicy> ps = ContentSecurityPolicy.fromHtmlMeta(html);
    assertThat(ps).extracting(ContentSecurityPolicy::text).containsExactly("connect-src 'self' wss://api.example.com");
    assertThat(ContentSecurityPolicy.fromHtmlMeta("<meta charset=utf-8><p>no policy")).isEmpty();
  }
}
