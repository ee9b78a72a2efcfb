package io.siodoctor.analyzer;

import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.analyzer.rank.Ranker;
import io.siodoctor.analyzer.rank.SessionSummaries;
import io.siodoctor.parsers.InputReader;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.engine.RuleEngine;
import io.siodoctor.rules.incident.IncidentBuilder;
import io.siodoctor.rules.verdict.Verdict;
import io.siodoctor.rules.verdict.VerdictJudge;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The analysis pipeline for one incident: inputs → records → incident → findings → ranked report.
 * The command line, the web page and the batch scan all call this.
 */
public final class Analyzer {
  private final RuleEngine engine;

  public Analyzer(RuleEngine engine) {
    this.engine = engine;
  }

  public static Analyzer builtIn() {
    return new Analyzer(RuleEngine.builtIn());
  }

  public RuleEngine engine() {
    return engine;
  }

  /**
   * Reads every input (an unreadable one is reported, not thrown) and analyses them as one incident:
   * the report, with the incident's timeline and request list for the renderers that show them.
   */
  public Analysis analyze(List<InputSource> sources) {
    return analyze(incident(sources, REPORT_READS.union(engine.plan())));
  }

  /** Reads every input (an unreadable one is summarised, not thrown) into one incident. */
  public static Incident incident(List<InputSource> sources) {
    return incident(sources, ReadSet.EVERYTHING);
  }

  /**
   * What the report reads besides the rules: every record and log line it shows (timeline, request
   * list, verdict), but not the bodies of requests that are not Socket.IO traffic. Only a rule that
   * declares them reads those (a rule pack's {@code body} field), so without one a HAR's scripts,
   * images and API answers are skipped unread.
   */
  private static final ReadSet REPORT_READS = ReadSet.of(
      List.of(HttpExchange.class, WsFrame.class, LogLine.class), EnumSet.allOf(LogEvent.class));

  /** Like {@link #incident(List)}; the parsers and the incident keep what {@code plan} reads. */
  static Incident incident(List<InputSource> sources, ReadSet plan) {
    IncidentBuilder builder = new IncidentBuilder(plan);
    for (InputSource source : sources) {
      read(source, builder).forEach(builder::addInput);
    }
    return builder.build();
  }

  public Analysis analyze(Incident incident) {
    RuleEngine.Result result = engine.run(incident);
    List<RankedCause> causes = rank(incident, result);
    Verdict verdict = VerdictJudge.judge(incident, !causes.isEmpty());
    RankedReport report = new RankedReport(
        verdict.verdict(),
        causes,
        incident.inputs(),
        SessionSummaries.of(incident),
        incident.clockOffsets(),
        result.warnings(),
        verdict.symptoms(),
        verdict.next());
    return Analysis.of(report, incident);
  }

  /**
   * The findings of one run of the rules over {@code incident}, ranked: the one step from findings to
   * causes, shared by {@code analyze} and each chunk of {@code scan}. A cause seen in both the HAR and
   * a server log is corroborated, so the ranker needs to know which inputs are logs.
   */
  public static List<RankedCause> rank(Incident incident, RuleEngine.Result result) {
    Set<String> logFiles = new HashSet<>();
    for (InputSummary in : incident.inputs()) {
      if (in.format() != null && !in.format().equals("har")) {
        logFiles.add(in.file());
      }
    }
    return Ranker.rank(result.findings(), logFiles);
  }

  /** One summary per plain member: an archive's members are inputs of their own ({@code capture.zip!server.log}). */
  private static List<InputSummary> read(InputSource source, IncidentBuilder builder) {
    try (AsyncRecordSink sink = new AsyncRecordSink(builder.sink())) {
      return new InputReader().readAll(source.name(), source.opener(), sink);
    }
  }
}
