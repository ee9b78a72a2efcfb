package io.siodoctor.rules.incident;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.har;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;
import static io.siodoctor.rules.testing.HarFixture.webSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.connect.StickySessionMissingRule;
import io.siodoctor.rules.engine.RuleEngine;
import io.siodoctor.rules.testing.HarFixture;
import io.siodoctor.rules.testing.RuleTester;
import io.siodoctor.rules.verdict.Verdict;
import io.siodoctor.rules.verdict.VerdictJudge;
import org.junit.jupiter.api.Test;

/** Requests whose sid a sanitizer replaced with a placeholder, on HAR fixtures. */
class RedactedSidAttributionTest {
  private static final String A = "ssO51L53Emo8zXiyAAAA";
  private static final String B = "Lbo5JLzTotvW3g2LAAAB";
  private static final String POLLING = "http://localhost:8080/socket.io/?EIO=4&transport=polling";
  private static final String REDACTED = "&sid=[REDACTED]";

  private static Incident incident(HarFixture har) {
    return RuleTester.of(new StickySessionMissingRule()).addHar("fixture.har", har).incident();
  }

  /** Two sessions one after the other, each polled with its sid redacted. */
  private static HarFixture twoSessionsInTurn() {
    return har()
        .entry(document("http://localhost:8080/"))
        .entry(get(POLLING + "&t=1").body(open(A)))
        .entry(post(POLLING + "&t=2" + REDACTED, "40").body("ok"))
        .entry(get(POLLING + "&t=3" + REDACTED).body("40{\"sid\":\"x\"}"))
        .after(2)
        .entry(get(POLLING + "&t=4").body(open(B)))
        .entry(post(POLLING + "&t=5" + REDACTED, "40").body("ok"))
        .entry(get(POLLING + "&t=6" + REDACTED).body("6"));
  }

  @Test
  void requestsOfSessionsThatNeverOverlapJoinTheLastSessionOpenedBeforeThem() {
    Incident incident = incident(twoSessionsInTurn());
    assertThat(incident.sessionIdsUnknown()).isFalse();
    assertThat(incident.sessions()).extracting(Session::sid).containsExactly(A, B);
    for (Session s : incident.sessions()) {
      assertThat(s.exchanges()).as(s.sid()).hasSize(3);
    }
    // the URL still says what the HAR said: the sid was inferred, not read
    HttpExchange poll = incident.session(B).orElseThrow().exchanges().get(2);
    assertThat(poll.url()).contains("sid=[REDACTED]");
    assertThat(poll.engineIo().sidRedacted()).isTrue();
    assertThat(poll.engineIo().isHandshake()).isFalse();
  }

  @Test
  void twoLongPollsInFlightAtOnceAreTwoClientsAndNobodyIsGuessed() {
    HarFixture har = har()
        .entry(get(POLLING + "&t=1").body(open(A)))
        .entry(get(POLLING + "&t=2").body(open(B)));
    // two GETs of (unknown) sessions pending together: one session never does that
    var clock = har.clock();
    har.entry(get(POLLING + "&t=3" + REDACTED).at(clock).took(20_000).body("6"))
        .entry(get(POLLING + "&t=4" + REDACTED).at(clock.plusMillis(500)).took(20_000).body("6"));
    Incident incident = incident(har);
    assertThat(incident.sessionIdsUnknown()).isTrue();
    for (Session s : incident.sessions()) {
      assertThat(s.exchanges()).as(s.sid()).hasSize(1);
    }
    // started in the same millisecond, they still overlap
    HarFixture same = har().entry(get(POLLING + "&t=1").body(open(A)));
    var at = same.clock();
    same.entry(get(POLLING + "&t=3" + REDACTED).at(at).took(20_000).body("6"))
        .entry(get(POLLING + "&t=4" + REDACTED).at(at).took(20_000).body("6"));
    assertThat(incident(same).sessionIdsUnknown()).isTrue();
  }

  @Test
  void aHandshakeWhileAWebSocketOfASessionIsOpenIsASecondClient() {
    HarFixture har = har().entry(get(POLLING + "&t=1").body(open(A, "websocket")));
    var clock = har.clock();
    har.entry(webSocket("ws://localhost:8080/socket.io/?EIO=4&transport=websocket" + REDACTED).at(clock).took(60_000))
        .entry(get(POLLING + "&t=2").at(clock.plusSeconds(5)).body(open(B)));
    assertThat(incident(har).sessionIdsUnknown()).isTrue();
  }

  @Test
  void requestsBeforeTheFirstHandshakeOrAfterOneWithoutBodyBelongToNoKnownSession() {
    Incident before = incident(har()
        .entry(get(POLLING + "&t=0" + REDACTED).body("6"))
        .entry(get(POLLING + "&t=1").body(open(A))));
    assertThat(before.sessionIdsUnknown()).isTrue();
    assertThat(before.session(A).orElseThrow().exchanges()).hasSize(1);

    Incident bodiless = incident(har()
        .entry(get(POLLING + "&t=1").body(open(A)))
        .entry(get(POLLING + "&t=2").body(""))
        .entry(get(POLLING + "&t=3" + REDACTED).body("6")));
    // the second handshake's sid is unknown: its request is not given to the first session
    assertThat(bodiless.sessionIdsUnknown()).isTrue();
    assertThat(bodiless.session(A).orElseThrow().exchanges()).hasSize(1);
  }

  /** Two clients at once, each polling with its sid redacted: whose request is whose is unknown. */
  private static HarFixture twoClientsUntied() {
    HarFixture har = har()
        .entry(get(POLLING + "&t=1").body(open(A)))
        .entry(get(POLLING + "&t=2").body(open(B)));
    var clock = har.clock();
    return har.entry(post(POLLING + "&t=3" + REDACTED, "40").at(clock).status(400).mime("application/json")
            .body(engineIoError(1, "Session ID unknown")))
        .entry(get(POLLING + "&t=4" + REDACTED).at(clock.plusMillis(10)).took(20_000).body("6"))
        .entry(get(POLLING + "&t=5" + REDACTED).at(clock.plusMillis(20)).took(20_000).body("6"));
  }

  @Test
  void withUntiedRequestsTheRulesThatNeedSessionsReadTheServerLogsAlone() {
    // the nodes' logs keep the real sids: A issued by one node, rejected by the other
    RuleTester withLogs = RuleTester.of(new StickySessionMissingRule())
        .addHar("fixture.har", twoClientsUntied())
        .addLog("node-a.log", """
            2026-11-25T10:00:00.001Z engine handshaking client "ssO51L53Emo8zXiyAAAA"
            """)
        .addLog("node-b.log", """
            2026-11-25T10:00:00.030Z engine unknown sid "ssO51L53Emo8zXiyAAAA"
            """);
    Incident incident = withLogs.incident();
    assertThat(incident.sessionIdsUnknown()).isTrue();
    Incident logs = incident.logsAlone().orElseThrow();
    assertThat(logs.exchanges()).isEmpty();
    assertThat(logs.sessions()).extracting(Session::sid).containsExactly(A);
    assertThat(logs.inputs()).extracting(in -> in.file()).containsExactly("node-a.log", "node-b.log");
    var findings = RuleEngine.builtIn().run(incident).findings();
    assertThat(findings).extracting(f -> f.cause().id()).contains("sticky-session-missing");
    // its evidence is the logs' lines: the HAR's untied request is nobody's
    assertThat(findings.stream().filter(f -> f.cause().id().equals("sticky-session-missing")).findFirst()
        .orElseThrow().finding().evidence()).allSatisfy(e -> assertThat(e.location().file()).endsWith(".log"));

    // the HAR alone: not run, as before
    Incident harAlone = incident(twoClientsUntied());
    assertThat(harAlone.sessionIdsUnknown()).isTrue();
    assertThat(harAlone.logsAlone()).isEmpty();
    assertThat(RuleEngine.builtIn().run(harAlone).findings()).extracting(f -> f.cause().id())
        .doesNotContain("sticky-session-missing");
  }

  @Test
  void logsNamingNoSessionGiveNoIncidentOfTheirOwn() {
    Incident incident = RuleTester.of(new StickySessionMissingRule())
        .addHar("fixture.har", twoClientsUntied())
        .addLog("error.log", """
            2026/11/25 10:00:00 [error] 7#7: *1 upstream timed out (110: Connection timed out) while reading response header from upstream
            """)
        .incident();
    assertThat(incident.sessionIdsUnknown()).isTrue();
    assertThat(incident.logsAlone()).isEmpty();
  }

  @Test
  void realSidsAreLeftAsTheyAre() {
    Incident incident = incident(har()
        .entry(get(POLLING + "&t=1").body(open(A)))
        .entry(get(POLLING + "&t=2&sid=" + A).body("6")));
    assertThat(incident.sessionIdsUnknown()).isFalse();
    assertThat(incident.session(A).orElseThrow().exchanges()).hasSize(2);
  }

  @Test
  void rulesThatNeedSessionsDoNotRunOnUntiedRequestsButOthersStillDo() {
    // a "Session ID unknown" of a request before any handshake (whose session?) and a handshake
    // refused with "Transport unknown", which needs no session to be read
    Incident incident = incident(har()
        .entry(get(POLLING + "&t=0" + REDACTED).status(400).mime("application/json")
            .body(engineIoError(1, "Session ID unknown")))
        .entry(get("http://localhost:8080/socket.io/?EIO=4&transport=xhr-polling&t=1").status(400)
            .mime("application/json").body(engineIoError(0, "Transport unknown"))));
    assertThat(incident.sessionIdsUnknown()).isTrue();
    RuleEngine.Result result = RuleEngine.builtIn().run(incident);
    assertThat(result.findings()).extracting(f -> f.cause().id())
        .contains("transport-unknown")
        .doesNotContain("sticky-session-missing");
    // the same "Session ID unknown" with its sid kept is read
    Incident kept = incident(har()
        .entry(get(POLLING + "&t=1").body(open(A)))
        .entry(get(POLLING + "&t=2&sid=" + A).status(400).mime("application/json")
            .body(engineIoError(1, "Session ID unknown"))));
    assertThat(RuleEngine.builtIn().run(kept).findings()).extracting(f -> f.cause().id())
        .contains("sticky-session-missing");
  }

  @Test
  void untiedRequestsProveNoHealthAndTheVerdictAsksForTheSidsBack() {
    // polls answered 2xx, but a poll before the first handshake and two clients polling at once:
    // which session any of them belonged to is unknown
    HarFixture har = har()
        .entry(get(POLLING + "&t=0" + REDACTED).body("6"))
        .entry(get(POLLING + "&t=1").body(open(A)))
        .entry(post(POLLING + "&t=2" + REDACTED, "40").body("ok"))
        .entry(get(POLLING + "&t=3" + REDACTED).body("40{\"sid\":\"x\"}"))
        .entry(get(POLLING + "&t=4" + REDACTED).body("6"))
        .after(3)
        .entry(get(POLLING + "&t=5").body(open(B)))
        .entry(get(POLLING + "&t=6" + REDACTED).body("6"));
    Incident incident = incident(har);
    assertThat(incident.sessionIdsUnknown()).isTrue();
    Verdict v = VerdictJudge.judge(incident, false);
    assertThat(v.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(v.next()).anyMatch(n -> n.contains("keeps the Socket.IO query values (sid="));
    assertThat(v.symptoms()).anyMatch(sym -> sym.summary().contains("no session ids (sid= redacted)"));
    // a session seen only by its handshake, then another handshake: no drop can be told from that
    assertThat(v.symptoms()).noneMatch(sym -> sym.id().equals("session-dropped"));

    // the same polls tied to their one session prove it worked
    Incident tied = incident(har()
        .entry(get(POLLING + "&t=1").body(open(A)))
        .entry(post(POLLING + "&t=2" + REDACTED, "40").body("ok"))
        .entry(get(POLLING + "&t=3" + REDACTED).body("40{\"sid\":\"x\"}"))
        .entry(get(POLLING + "&t=4" + REDACTED).body("6")));
    Verdict healthy = VerdictJudge.judge(tied, false);
    assertThat(healthy.verdict()).as("%s", healthy).isEqualTo(Verdict.HEALTHY);
  }
}
