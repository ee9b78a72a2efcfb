package io.siodoctor.rules.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.engine.CauseCatalog;
import io.siodoctor.rules.engine.CauseFinding;
import io.siodoctor.rules.engine.RuleEngine;
import io.siodoctor.rules.engine.BuiltInRules;
import io.siodoctor.rules.testing.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackLoaderTest {
  /** Real lines of a Node app log (sample-captures/tls-error--self-signed/server.log), as a fixture. */
  private static final String TLS_ALERTS = """
      2026-11-26T03:30:33.054Z app TLS client error: ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN 80FC6E46527F0000:error:0A000416:SSL routines:ssl3_read_bytes:sslv3 alert certificate unknown
      2026-11-26T03:30:33.739Z app TLS client error: ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN 80FC6E46527F0000:error:0A000416:SSL routines:ssl3_read_bytes:sslv3 alert certificate unknown
      2026-11-26T03:31:40.308Z app listening on http://127.0.0.1:47012
      """;

  @TempDir Path dir;

  private final CauseCatalog catalog = RuleEngine.builtIn().catalog();

  private List<Rule> load(String file, String text) throws Exception {
    Files.writeString(dir.resolve(file), text);
    return new RulePackLoader(catalog).load(dir);
  }

  @Test
  void yamlRuleWithACatalogIdFiresAboveItsThreshold() throws Exception {
    List<Rule> rules = load("tls.yaml", """
        rules:
          - cause: tls-error
            confidence: 0.8
            match: {kind: log, text: "/alert (bad|unknown) certificate|certificate unknown/"}
            threshold: {count: 2, within: 60s}
        """);
    assertThat(rules).hasSize(1);
    DeclarativeRule rule = (DeclarativeRule) rules.get(0);
    assertThat(rule.cause().title()).isEqualTo(catalog.get("tls-error").orElseThrow().title());
    Optional<Finding> f = RuleTester.of(rule).addLog("fixture-app.log",
        "// EXPECT: tls-error\n" + TLS_ALERTS.lines().toList().get(0) + "\n"
            + "// EXPECT: tls-error\n" + TLS_ALERTS.lines().toList().get(1) + "\n"
            + TLS_ALERTS.lines().toList().get(2) + "\n").doTest();
    assertThat(f.orElseThrow().confidence()).isEqualTo(0.8);
  }

  @Test
  void thresholdNotReachedStaysSilent() throws Exception {
    DeclarativeRule rule = (DeclarativeRule) load("tls.json", """
        {"rules": [{"cause": "tls-error", "match": {"kind": "log", "text": "certificate unknown"},
                    "threshold": {"count": 3, "within": "60s"}}]}
        """).get(0);
    RuleTester.of(rule).addLog("fixture-app.log", TLS_ALERTS).expectNoFindings().doTest();
  }

  @Test
  void userDefinedCauseNeedsItsProse() throws Exception {
    assertThatThrownBy(() -> load("own.yaml", """
        rules:
          - cause: acme-gateway-maintenance
            title: The ACME gateway is in maintenance
            match: {kind: http, status: "503"}
        """))
        .isInstanceOf(RulePackException.class)
        .hasMessageContaining("own.yaml")
        .hasMessageContaining("rules[0].explanation");
    List<Rule> ok = load("own.yaml", """
        rules:
          - cause: acme-gateway-maintenance
            title: The ACME gateway is in maintenance
            severity: warning
            explanation: The gateway answers 503 with its maintenance page.
            fix: Wait for the maintenance window to end.
            match: {kind: http, status: "503", "header.Server": "acme-gw"}
        """);
    assertThat(((DeclarativeRule) ok.get(0)).cause().id()).isEqualTo("acme-gateway-maintenance");
  }

  @Test
  void invalidPacksNameFileAndField() {
    assertThatThrownBy(() -> load("bad.yaml", "rules:\n  - cause: tls-error\n    match: {kind: log, txt: x}\n"))
        .hasMessage(dir.resolve("bad.yaml") + ": rules[0].match.txt: unknown field (expected one of "
            + RecordFields.FIELDS + ", header.<Name> or requestHeader.<Name>)");
    assertThatThrownBy(() -> load("bad.yaml", "rules:\n  - cause: tls-error\n    match: {kind: log, text: \"/(/\"}\n"))
        .hasMessageContaining("rules[0].match.text: invalid regular expression");
    assertThatThrownBy(() -> load("bad.yaml", "rules:\n  - cause: tls-error\n    match: {kind: frame, text: x}\n"))
        .hasMessageContaining("rules[0].match.kind: expected one of");
    assertThatThrownBy(() -> load("bad.yaml", "rules:\n  - cause: tls-error\n    match: {text: x}\n"
        + "    threshold: {count: 2, within: soon}\n"))
        .hasMessageContaining("rules[0].threshold.within: expected a duration");
    assertThatThrownBy(() -> load("bad.json", "{\"rules\": [ {\"cause\": \"Tls Error\"} ]}"))
        .hasMessageContaining("rules[0].cause: a cause id is kebab-case");
    assertThatThrownBy(() -> load("bad.json", "{\"rules\": [ {\"cause\": "))
        .hasMessageContaining("bad.json").hasMessageContaining("not valid JSON");
  }

  /**
   * {@code (a+)+$} is the textbook catastrophic pattern: java.util.regex needs about 2^n steps on n
   * letters followed by a mismatch. On RE2/J it is linear, so a 100,000-letter log line takes
   * milliseconds; a backreference (which has no linear-time algorithm) is refused at load time.
   */
  @Test
  void userRegexesRunInLinearTime() throws Exception {
    assertThat(load("redos.yaml", "rules:\n  - cause: tls-error\n    match: {kind: log, text: \"/(a+)+$/\"}\n"))
        .hasSize(1);
    FieldMatcher m = FieldMatcher.of("redos.yaml", "rules[0].match.text", "text", "/(a+)+$/");
    String hostile = "a".repeat(100_000) + "!";
    long start = System.nanoTime();
    assertThat(m.matches(hostile)).isFalse();
    assertThat(m.matches("aaaa")).isTrue();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    assertThatThrownBy(() -> FieldMatcher.of("bad.yaml", "p", "text", "/(a)\\1/"))
        .hasMessageContaining("invalid regular expression (RE2 syntax");
  }

  @Test
  void packEvidenceForABuiltInCauseMergesIntoOneFinding() throws Exception {
    List<Rule> rules = new ArrayList<>(BuiltInRules.all());
    rules.addAll(load("tls.yaml", """
        rules:
          - cause: tls-error
            match: {kind: log, text: "certificate unknown"}
        """));
    RuleTester tester = RuleTester.of(rules.get(rules.size() - 1)).addLog("fixture-app.log", TLS_ALERTS);
    RuleEngine.Result result = new RuleEngine(rules).run(tester.incident());
    List<CauseFinding> tls = result.findings().stream().filter(f -> f.cause().id().equals("tls-error")).toList();
    assertThat(tls).hasSize(1);
    assertThat(tls.get(0).finding().evidence()).hasSize(2);
  }

  @Test
  void aRuleMatchingManyLinesGivesThemAllTheEngineCitesTwenty() throws Exception {
    DeclarativeRule rule = (DeclarativeRule) load("tls.yaml", """
        rules:
          - cause: tls-error
            match: {kind: log, text: "certificate unknown"}
        """).get(0);
    String alert = TLS_ALERTS.lines().toList().get(0);
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      log.append("// EXPECT: tls-error\n").append(alert).append('\n');
    }
    RuleTester tester = RuleTester.of(rule).addLog("fixture-app.log", log.toString());
    // the tester checks every place the rule found: all 30, the first 20 made whole
    Finding found = tester.doTest().orElseThrow();
    assertThat(found.evidence()).hasSize(30);
    assertThat(found.evidence().get(19).note()).isEqualTo("matched tls.yaml rules[0]");
    Finding cited = new RuleEngine(List.of(rule)).run(tester.incident()).findings().get(0).finding();
    assertThat(cited.evidence()).isEqualTo(found.evidence().subList(0, Finding.MAX_EVIDENCE));
    assertThat(cited.events()).isEqualTo(30);
  }

  @Test
  void notADirectoryIsAClearError() {
    assertThatThrownBy(() -> new RulePackLoader(catalog).load(dir.resolve("missing")))
        .isInstanceOf(RulePackException.class).hasMessageContaining("not a directory");
  }

  @Test
  void emptyDirectoryGivesNoRules() throws IOException, RulePackException {
    assertThat(new RulePackLoader(catalog).load(dir)).isEmpty();
  }
}
