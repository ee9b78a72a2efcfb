package io.siodoctor.rules.engine;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.webSocket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.CauseInfo;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.SelfDescribingRule;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.connect.StickySessionMissingRule;
import io.siodoctor.rules.incident.IncidentBuilder;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.HealthySessions;
import io.siodoctor.rules.testing.RuleTester;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RuleEngineTest {

  /** A rule declared as data, as a rule pack would. */
  private static SelfDescribingRule rule(String id, Function<Incident, Optional<Finding>> check) {
    return rule(id, ReadSet.EVERYTHING, check);
  }

  /** A rule declared as data that reads {@code reads}. */
  private static SelfDescribingRule rule(String id, ReadSet reads, Function<Incident, Optional<Finding>> check) {
    CauseInfo info = new CauseInfo(id, "Test cause " + id, Severity.WARNING, Category.GETS_DISCONNECTED,
        "https://example.com/" + id, List.of(), "0.1.0", "What " + id + " means.", "How to fix " + id + ".");
    return new SelfDescribingRule() {
      @Override
      public CauseInfo cause() {
        return info;
      }

      @Override
      public ReadSet reads() {
        return reads;
      }

      @Override
      public Optional<Finding> check(Incident incident) {
        return check.apply(incident);
      }
    };
  }

  /** An incident where the sticky-session rule fires. */
  private static Incident stickyIncident() {
    String sid = "ssO51L53Emo8zXiyAAAA";
    String polling = "http://localhost:8080/socket.io/?EIO=4&transport=polling";
    return RuleTester.of(new StickySessionMissingRule())
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(get(polling + "&t=P1").body(open(sid, "websocket")))
            .entry(get(polling + "&t=P2&sid=" + sid).status(400).mime("application/json")
                .body(engineIoError(1, "Session ID unknown"))))
        .incident();
  }

  @Test
  void aRuleThatThrowsBecomesAWarningAndTheOthersStillRun() {
    SelfDescribingRule broken = rule("broken-rule", i -> {
      throw new IllegalStateException("index out of luck");
    });
    SelfDescribingRule after = rule("after-rule", i -> Optional.of(Finding.of(0.5,
        List.of(Evidence.of(i.exchanges().get(0))))));
    RuleEngine engine = new RuleEngine(List.of(new StickySessionMissingRule(), broken, after));

    RuleEngine.Result result = engine.run(stickyIncident());

    assertThat(result.warnings()).singleElement(InstanceOfAssertFactories.STRING)
        .contains("broken-rule").contains("IllegalStateException").contains("index out of luck");
    assertThat(result.findings()).extracting(f -> f.cause().id())
        .containsExactly("sticky-session-missing", "after-rule");
  }

  @Test
  void findingsCarryTheirCauseInfo() {
    RuleEngine.Result result = new RuleEngine(List.of(new StickySessionMissingRule())).run(stickyIncident());

    CauseFinding only = result.findings().get(0);
    assertThat(result.findings()).hasSize(1);
    assertThat(only.cause().id()).isEqualTo("sticky-session-missing");
    assertThat(only.cause().title()).isEqualTo("Requests of one session reach different servers");
    assertThat(only.cause().severity()).isEqualTo(Severity.ERROR);
    assertThat(only.cause().category()).isEqualTo(Category.CANNOT_CONNECT);
    assertThat(only.cause().explanation()).isNotBlank();
    assertThat(only.cause().fix()).isNotBlank();
    assertThat(only.finding().evidence()).isNotEmpty();
    assertThat(only.cause()).isSameAs(result.findings().get(0).cause());
  }

  @Test
  void selfDescribingRulesBringTheirOwnCause() {
    SelfDescribingRule custom = rule("custom-cause", i -> Optional.of(Finding.of(0.7,
        List.of(Evidence.of(i.exchanges().get(0))))));
    RuleEngine engine = new RuleEngine(List.of(custom));
    assertThat(engine.catalog().get("custom-cause")).isPresent();
    CauseFinding f = engine.run(stickyIncident()).findings().get(0);
    assertThat(f.cause().explanation()).isEqualTo("What custom-cause means.");
  }

  @Test
  void theEngineCitesTheFirstItemsAndTalliesEveryEventForTheBatch() {
    List<Evidence> found = new java.util.ArrayList<>();
    for (int i = 0; i < 26; i++) {
      found.add(new Evidence(io.siodoctor.parsers.record.SourceLocation.line("fixture.log", i + 1),
          java.time.Instant.EPOCH.plusSeconds(i), "line " + i, null));
    }
    RuleEngine.Result result = new RuleEngine(List.of(rule("many-lines", i -> Optional.of(Finding.of(0.7, found)))))
        .run(stickyIncident());

    CauseFinding f = result.findings().get(0);
    // the report's side: what it cites, and how many records showed the cause
    assertThat(f.finding().evidence()).isEqualTo(found.subList(0, Finding.MAX_EVIDENCE));
    assertThat(f.finding().events()).isEqualTo(26);
    // the batch's side: the times of the six it does not cite
    assertThat(result.tally(f).count()).isEqualTo(26);
    assertThat(result.tally(f).uncitedTimes()).containsExactly(
        found.subList(Finding.MAX_EVIDENCE, 26).stream().map(Evidence::time).toArray(java.time.Instant[]::new));
  }

  @Test
  void twoRulesForOneCauseWithDifferentMetadataAreRefused() {
    CauseInfo sticky = CauseCatalog.describe(new StickySessionMissingRule());
    SelfDescribingRule impostor = rule(sticky.id(), i -> Optional.empty());
    assertThatThrownBy(() -> new RuleEngine(List.of(new StickySessionMissingRule(), impostor)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sticky-session-missing");
  }

  @Test
  void aPackRuleAddingEvidenceToABuiltInCauseMakesOneFinding() {
    CauseInfo sticky = CauseCatalog.describe(new StickySessionMissingRule());
    SelfDescribingRule more = new SelfDescribingRule() {
      @Override
      public CauseInfo cause() {
        return sticky;
      }

      @Override
      public ReadSet reads() {
        return ReadSet.of(List.of(HttpExchange.class), List.of());
      }

      @Override
      public Optional<Finding> check(Incident incident) {
        // the page load: another place, so the merged finding cites both
        return Optional.of(Finding.of(0.99, List.of(Evidence.of(incident.exchanges().get(0))))
            .withSessions(List.of("pack-sid")));
      }
    };
    RuleEngine.Result result = new RuleEngine(List.of(new StickySessionMissingRule(), more)).run(stickyIncident());

    assertThat(result.findings()).hasSize(1);
    Finding merged = result.findings().get(0).finding();
    assertThat(merged.evidence()).extracting(e -> e.location().location()).contains("entries[0]", "entries[2]");
    assertThat(merged.confidence()).isEqualTo(0.99);
    assertThat(merged.sessionIds()).contains("ssO51L53Emo8zXiyAAAA", "pack-sid");
  }

  @Test
  void builtInRulesStaySilentOnTheHealthySession() {
    Incident healthy = RuleTester.of(new StickySessionMissingRule())
        .addHar("fixture.har", HealthySessions.har()).incident();
    RuleEngine.Result result = RuleEngine.builtIn().run(healthy);
    assertThat(result.warnings()).isEmpty();
    assertThat(result.findings()).extracting(f -> f.cause().id()).isEmpty();
  }

  @Test
  void builtInRulesStaySilentOnOtherHealthyCaptures() {
    // a healthy capture of any shape must give the verdict "healthy": no rule may fire
    HarFixture v3 = har().entry(document(HealthySessions.ORIGIN + "/"));
    HealthySessions.v3("ptzi_578ycUci8WLB9G1").pings(6).appendTo(v3);
    HarFixture crossOrigin = har().entry(document("http://localhost:8080/"));
    HealthySessions.v4("Lbo5JLzTotvW3g2LAAAA").server("http://localhost:3000")
        .crossOriginFrom("http://localhost:8080").appendTo(crossOrigin);
    HarFixture longLived = har().entry(document(HealthySessions.ORIGIN + "/"));
    HealthySessions.v4("Lbo5JLzTotvW3g2LAAAA").pings(40)
        .frame("send", 12.0, "420[\"chat\",\"hello\"]").frame("receive", 12.01, "430[{\"ok\":true}]")
        .appendTo(longLived);
    HarFixture webSocketOnly = har().entry(document(HealthySessions.ORIGIN + "/"))
        .entry(webSocket("ws://localhost:3000/socket.io/?EIO=4&transport=websocket")
            .message("receive", 0.004, open("Wk3n2pQ0r8sVvC1AAAAB"))
            .message("send", 0.006, "40")
            .message("receive", 0.009, "40{\"sid\":\"p8ArbS6uK3GeGQjqAAAC\"}")
            .message("receive", 25.0, "2").message("send", 25.002, "3")
            .message("receive", 50.0, "2").message("send", 50.002, "3"));
    HarFixture reloaded = HealthySessions.har();
    reloaded.after(5).entry(document(HealthySessions.ORIGIN + "/"));
    HealthySessions.v4("Xq2m4bB7yTqL0p1wAAAB").appendTo(reloaded);
    Map<String, HarFixture> captures = Map.of(
        "v3", v3, "cross-origin", crossOrigin, "long-lived", longLived,
        "websocket-only", webSocketOnly, "reloaded", reloaded);
    captures.forEach((name, har) -> {
      Incident healthy = RuleTester.of(new StickySessionMissingRule()).addHar("fixture.har", har).incident();
      RuleEngine.Result result = RuleEngine.builtIn().run(healthy);
      assertThat(result.warnings()).as("warnings on healthy %s", name).isEmpty();
      assertThat(result.findings()).as("findings on healthy %s", name).extracting(f -> f.cause().id()).isEmpty();
    });
  }

  @Test
  void builtInRulesSurviveAnEmptyIncident() {
    RuleEngine.Result result = RuleEngine.builtIn().run(new IncidentBuilder().build());
    assertThat(result.warnings()).isEmpty();
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void thePlanKeepsUnrecognisedLinesOnlyWhenARuleDeclaresThem() {
    assertThat(RuleEngine.builtIn().plan().readsUnrecognisedLines()).isFalse();
    List<Rule> withHttpRule = new java.util.ArrayList<>(BuiltInRules.all());
    withHttpRule.add(rule("http-cause", ReadSet.of(List.of(HttpExchange.class), List.of()), i -> Optional.empty()));
    assertThat(new RuleEngine(withHttpRule).plan().readsUnrecognisedLines()).isFalse();
    List<Rule> withTextRule = new java.util.ArrayList<>(BuiltInRules.all());
    withTextRule.add(rule("text-cause", ReadSet.of(List.of(LogLine.class), List.of(LogEvent.OTHER)), i -> Optional.empty()));
    assertThat(new RuleEngine(withTextRule).plan().readsUnrecognisedLines()).isTrue();
  }

  /** A HAR and a server log of one session, with a line no parser recognises. */
  private static Incident harAndLog() {
    String sid = "ssO51L53Emo8zXiyAAAA";
    String polling = "http://localhost:8080/socket.io/?EIO=4&transport=polling";
    return RuleTester.of(new StickySessionMissingRule())
        .addHar("fixture.har", har()
            .entry(document("http://localhost:8080/"))
            .entry(get(polling + "&t=P1").body(open(sid, "websocket"))))
        .addLog("fixture-node-a.log", """
            2026-11-25T10:00:00.000Z engine handshaking client "%s"
            2026-11-25T10:00:00.001Z engine no middleware to apply, skipping
            """.formatted(sid))
        .incident();
  }

  @Test
  void aRuleThatDeclaredNoLogLinesSeesNone() {
    Incident incident = harAndLog();
    assertThat(incident.logLines()).isNotEmpty();
    assertThat(incident.sessions()).anySatisfy(s -> assertThat(s.logLines()).isNotEmpty());
    List<Incident> seen = new java.util.ArrayList<>();
    Rule httpOnly = rule("http-cause", ReadSet.of(List.of(HttpExchange.class), List.of()), i -> {
      seen.add(i);
      return Optional.empty();
    });
    assertThat(new RuleEngine(List.of(httpOnly)).run(incident).warnings()).isEmpty();

    Incident view = seen.get(0);
    assertThat(view.exchanges()).isEqualTo(incident.exchanges()).isNotEmpty();
    assertThat(view.logLines()).isEmpty();
    for (LogEvent e : LogEvent.values()) {
      assertThat(view.logLines(e)).as(e.name()).isEmpty();
    }
    assertThat(view.records()).isNotEmpty().noneMatch(r -> r instanceof LogLine);
    assertThat(view.sessions()).isNotEmpty().allSatisfy(s -> assertThat(s.logLines()).isEmpty());
    assertThat(view.frames()).isEmpty();
  }

  @Test
  void aRuleSeesTheIncidentsLinesOfTheEventsItDeclaredOnly() {
    Incident incident = harAndLog();
    Incident view = incident.view(ReadSet.of(List.of(LogLine.class), List.of(LogEvent.HANDSHAKE)));
    assertThat(view.logLines()).isNotEmpty().allMatch(l -> l.event() == LogEvent.HANDSHAKE);
    assertThat(incident.logLines(LogEvent.OTHER)).isNotEmpty();
    assertThat(view.logLines(LogEvent.OTHER)).isEmpty();
    assertThat(view.exchanges()).isEmpty();
    assertThat(view.records()).isEqualTo(view.logLines());
    // a view cannot widen itself back
    assertThatThrownBy(() -> view.view(ReadSet.EVERYTHING)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDerivedValueNeedsADeclarationThatCoversWhatItReads() {
    Incident incident = harAndLog();
    Incident narrow = incident.view(ReadSet.of(List.of(LogLine.class), List.of(LogEvent.HANDSHAKE)));
    assertThatThrownBy(() -> io.siodoctor.rules.signals.AccessLines.of(narrow))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("access-lines");
    Incident wide = incident.view(io.siodoctor.rules.signals.AccessLines.READS);
    // made once, from what the key declares, and shared by every view
    assertThat(io.siodoctor.rules.signals.AccessLines.of(wide))
        .isSameAs(io.siodoctor.rules.signals.AccessLines.of(incident));
  }
}
