package io.siodoctor.rules.engine;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.ProxySetting;
import io.siodoctor.rules.connect.StickySessionMissingRule;
import io.siodoctor.rules.provider.Provider;
import io.siodoctor.rules.provider.ProviderDetector;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HarFixture.Entry;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The provider seen in the inputs gives its own setting in the fix of the causes that need one. */
class ProviderFixesTest {
  private static final String SID = "ssO51L53Emo8zXiyAAAA";
  private static final String POLLING = "https://app.example.com/socket.io/?EIO=4&transport=polling";

  /** A handshake and its first poll, both answered through whatever {@code through} adds. */
  private static Incident incident(UnaryOperator<Entry> through) {
    HarFixture h = har()
        .entry(document("https://app.example.com/"))
        .entry(through.apply(get(POLLING + "&t=P1").body(open(SID, "websocket"))))
        .entry(through.apply(post(POLLING + "&t=P2&sid=" + SID, "40").status(400).mime("application/json")
            .body(engineIoError(1, "Session ID unknown"))));
    return RuleTester.of(new StickySessionMissingRule()).addHar("capture.har", h).incident();
  }

  private static Finding someFinding() {
    return new Finding(0.9, List.of(new Evidence(
        io.siodoctor.parsers.record.SourceLocation.line("x.log", 1), null, "x", null)), null, null, null);
  }

  private static String fix(Incident incident, ProxySetting... settings) {
    Finding f = ProviderFixes.apply(someFinding(), List.of(settings), incident);
    return f.fix() == null ? "" : f.fix();
  }

  @Test
  void cloudflareGivesTheWebSocketsToggleAndTheHundredSecondLimit() {
    Incident i = incident(e -> e.responseHeader("cf-ray", "8f1c2d3e4a5b6c7d-FRA").responseHeader("server", "cloudflare"));
    assertThat(fix(i, ProxySetting.UPGRADE)).contains("Cloudflare").contains("Network → WebSockets")
        .contains("cf-ray response header").contains("capture.har entries[1]");
    assertThat(fix(i, ProxySetting.IDLE_TIMEOUT)).contains("100 seconds").contains("524");
    assertThat(fix(i, ProxySetting.TLS)).contains("Full (strict)");
  }

  @Test
  void albGivesTargetGroupStickinessAndItsIdleTimeout() {
    Incident i = incident(e -> e.responseHeader("Set-Cookie", "AWSALB=abc; Expires=Tue, 08 Dec 2026 10:00:00 GMT; Path=/"));
    assertThat(fix(i, ProxySetting.STICKINESS)).contains("AWS Application Load Balancer")
        .contains("stickiness.enabled,Value=true").contains("AWSALB cookie set")
        .doesNotContain("abc");
    assertThat(fix(i, ProxySetting.IDLE_TIMEOUT)).contains("idle_timeout.timeout_seconds");
  }

  @Test
  void albAccessLogAloneNamesTheAlb() {
    Incident i = RuleTester.of(new StickySessionMissingRule())
        .addLog("alb.log", "http 2026-11-25T10:00:03.101Z app/my-lb/50dc6c495c0c9188 192.0.2.10:46532 10.0.0.5:3000 "
            + "0.001 0.002 0.000 400 400 120 45 \"GET http://app.example.com:80/socket.io/?EIO=4&transport=polling&sid="
            + SID + " HTTP/1.1\" \"Mozilla/5.0\" - - arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/tg/6d0ecf831eec9f09 "
            + "\"Root=1-58337262-36d228ad5d99923122bbe354\" \"-\" \"-\" 0 2026-11-25T10:00:03.099Z \"forward\" \"-\" \"-\" \"10.0.0.5:3000\" \"400\" \"-\" \"-\"\n")
        .incident();
    assertThat(ProviderDetector.of(i)).extracting(s -> s.provider()).contains(Provider.AWS_ALB);
    assertThat(fix(i, ProxySetting.STICKINESS)).contains("aws-alb log").contains("lb_cookie");
  }

  @Test
  void herokuGivesSessionAffinityAndH15() {
    Incident i = incident(e -> e.responseHeader("Via", "1.1 vegur"));
    assertThat(fix(i, ProxySetting.STICKINESS)).contains("Heroku").contains("heroku features:enable http-session-affinity");
    assertThat(fix(i, ProxySetting.IDLE_TIMEOUT)).contains("H15").contains("55 seconds");
  }

  @Test
  void herokuRouterLogAloneNamesHeroku() {
    Incident i = RuleTester.of(new StickySessionMissingRule())
        .addLog("router.log", "2026-12-07T14:40:29.300000+00:00 heroku[router]: at=error code=H15 desc=\"Idle connection\" "
            + "method=GET path=\"/socket.io/?EIO=4&transport=websocket&sid=" + SID + "\" host=app.herokuapp.com "
            + "request_id=8ff976d2-fc77-4d15-928e-675e539894ae fwd=\"203.0.113.7\" dyno=web.1 connect=0ms service=61648ms "
            + "status=503 bytes= protocol=https\n")
        .incident();
    assertThat(ProviderDetector.of(i)).extracting(s -> s.provider()).contains(Provider.HEROKU);
    assertThat(fix(i, ProxySetting.IDLE_TIMEOUT)).contains("heroku-router log").contains("H15");
  }

  @Test
  void azureGivesWebSocketsOnAndArrAffinity() {
    Incident i = incident(e -> e.responseHeader("Set-Cookie", "ARRAffinity=0123abcd; Path=/; HttpOnly; Domain=app.azurewebsites.net"));
    assertThat(fix(i, ProxySetting.UPGRADE)).contains("Azure App Service").contains("--web-sockets-enabled true");
    assertThat(fix(i, ProxySetting.STICKINESS)).contains("--client-affinity-enabled true");
  }

  @Test
  void ingressNginxGivesTheAffinityAndTimeoutAnnotations() {
    Incident i = incident(e -> e.requestHeader("Cookie", "INGRESSCOOKIE=1700000000.123.45.678901|abcdef"));
    assertThat(fix(i, ProxySetting.STICKINESS)).contains("Kubernetes ingress-nginx")
        .contains("nginx.ingress.kubernetes.io/affinity: \"cookie\"");
    assertThat(fix(i, ProxySetting.IDLE_TIMEOUT)).contains("nginx.ingress.kubernetes.io/proxy-read-timeout");
    assertThat(fix(i, ProxySetting.PAYLOAD_SIZE)).contains("nginx.ingress.kubernetes.io/proxy-body-size");
  }

  @Test
  void vercelAndNetlifySayTheFunctionsCannotHoldTheSession() {
    assertThat(fix(incident(e -> e.responseHeader("x-vercel-id", "fra1::iad1::abcde-1733570000000-0123456789ab")),
        ProxySetting.UPGRADE)).contains("Vercel Functions");
    assertThat(fix(incident(e -> e.responseHeader("x-nf-request-id", "01HX0000000000000000000000")),
        ProxySetting.STICKINESS)).contains("Netlify");
  }

  @Test
  void theEngineAddsTheProviderSettingToTheRuleFix() {
    HarFixture h = har()
        .entry(document("https://app.example.com/"))
        .entry(get(POLLING + "&t=P1").body(open(SID, "websocket")).responseHeader("Via", "1.1 vegur"))
        .entry(post(POLLING + "&t=P2&sid=" + SID, "40").status(400).mime("application/json")
            .body(engineIoError(1, "Session ID unknown")).responseHeader("Via", "1.1 vegur"));
    Incident i = RuleTester.of(new StickySessionMissingRule()).addHar("capture.har", h).incident();
    RuleEngine.Result r = new RuleEngine(List.of(new StickySessionMissingRule())).run(i);
    assertThat(r.findings()).hasSize(1);
    assertThat(r.findings().get(0).finding().fix()).contains("http-session-affinity");
  }

  @Test
  void aProviderServingOnlyThePageIsNotTheSocketServers() {
    // the page is static hosting on Vercel, the Socket.IO server runs elsewhere
    HarFixture h = har()
        .entry(document("https://app.example.com/").responseHeader("server", "Vercel").responseHeader("x-vercel-id", "fra1::abcde-1"))
        .entry(get(POLLING + "&t=P1").body(open(SID, "websocket")));
    Incident i = RuleTester.of(new StickySessionMissingRule()).addHar("capture.har", h).incident();
    assertThat(ProviderDetector.of(i)).isEmpty();
  }

  @Test
  void noProviderNoProviderText() {
    Incident i = incident(UnaryOperator.identity());
    assertThat(ProviderDetector.of(i)).isEmpty();
    assertThat(ProviderFixes.apply(someFinding(), List.of(ProxySetting.STICKINESS), i).fix()).isNull();
  }

  @Test
  void aHealthyCaptureWithoutProviderHeadersShowsNone() {
    Incident i = RuleTester.of(new StickySessionMissingRule()).addHar("capture.har", HealthySessions.har()).incident();
    assertThat(ProviderDetector.of(i)).isEmpty();
  }

  @Test
  void haproxyLogNamesHaproxyAndItsTunnelTimeout() {
    // HAProxy adds no response header of its own: its HTTP log shows it
    Incident i = RuleTester.of(new StickySessionMissingRule())
        .addLog("haproxy.log", "127.0.0.1:60586 [07/Dec/2026:23:20:31.678] fe_sio be_sio/app 0/0/0/89/5224 101 140 - - cD-- "
            + "3/3/0/0/0 0/0 \"GET /socket.io/?EIO=4&transport=websocket&sid=" + SID + " HTTP/1.1\"\n")
        .incident();
    assertThat(ProviderDetector.of(i)).extracting(s -> s.provider()).containsExactly(Provider.HAPROXY);
    assertThat(fix(i, ProxySetting.IDLE_TIMEOUT)).contains("HAProxy").contains("haproxy log")
        .contains("haproxy.log line 1").contains("timeout tunnel 1h");
    assertThat(fix(i, ProxySetting.STICKINESS)).contains("cookie SERVERID insert indirect nocache")
        .contains("balance source");
    // a HAR through HAProxy shows nothing of it
    assertThat(ProviderDetector.of(incident(UnaryOperator.identity()))).isEmpty();
  }

  @Test
  void everyProviderHasProseForEverySettingItNames() {
    for (Provider p : Provider.values()) {
      assertThat(ProviderFixes.section(p, ProxySetting.STICKINESS)).as("%s stickiness", p).isNotBlank();
      for (ProxySetting s : ProxySetting.values()) {
        String text = ProviderFixes.section(p, s);
        if (text != null) {
          assertThat(text).as("%s %s links its documentation", p, s).contains("See https://");
        }
      }
    }
  }
}
