package io.siodoctor.analyzer;

import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.analyzer.rank.Ranker;
import io.siodoctor.analyzer.rank.SessionSummaries;
import io.siodoctor.analyzer.timeline.TimelineBuilder;
import io.siodoctor.analyzer.traffic.TrafficBuilder;
import io.siodoctor.parsers.InputReader;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.engine.RuleEngine;
import io.siodoctor.rules.incident.IncidentBuilder;
import io.siodoctor.rules.verdict.Verdict;
import io.siodoctor.rules.verdict.VerdictJudge;
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

  /** Reads every input (an unreadable one is reported, not thrown) and analyses them as one incident. */
  public RankedReport analyze(List<InputSource> sources) {
    return analyze(incident(sources));
  }

  /** Like {@link #analyze(List)}, plus the session timeline and request list of the incident (for the HTML report). */
  public Analysis analyzeWithTimeline(List<InputSource> sources) {
    Incident incident = incident(sources);
    return new Analysis(analyze(incident), TimelineBuilder.of(incident), TrafficBuilder.of(incident));
  }

  /** Reads every input (an unreadable one is summarised, not thrown) into one incident. */
  public static Incident incident(List<InputSource> sources) {
    IncidentBuilder builder = new IncidentBuilder();
    for (InputSource source : sources) {
      read(source, builder).forEach(builder::addInput);
    }
    return builder.build();
  }

  public RankedReport analyze(Incident incident) {
    RuleEngine.Result result = engine.run(incident);
    Set<String> logFiles = new HashSet<>();
    for (InputSummary in : incident.inputs()) {
      if (in.format() != null && !in.format().equals("har")) {
        logFiles.add(in.file());
      }
    }
    List<RankedCause> causes = Ranker.rank(result.findings(), logFiles);
    Verdict verdict = VerdictJudge.judge(incident, !causes.isEmpty());
    return new RankedReport(
        verdict.verdict(),
        causes,
        incident.inputs(),
        SessionSummaries.of(incident),
        incident.clockOffsets(),
        result.warnings(),
        verdict.symptoms(),
        verdict.next());
  }

  /** One summary per plain member: an archive's members are inputs of their own ({@code capture.zip!server.log}). */
  private static List<InputSummary> read(InputSource source, IncidentBuilder builder) {
    try (AsyncRecordSink sink = new AsyncRecordSink(builder.sink())) {
      return new InputReader().readAll(source.name(), source::open, sink);
    }
  }
}
