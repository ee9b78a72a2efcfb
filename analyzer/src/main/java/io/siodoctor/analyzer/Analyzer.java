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
import java.io.IOException;
import java.io.InputStream;
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
    return analyze(incident(sources, readsOtherBodies()));
  }

  /** Like {@link #analyze(List)}, plus the session timeline and request list of the incident (for the HTML report). */
  public Analysis analyzeWithTimeline(List<InputSource> sources) {
    Incident incident = incident(sources, readsOtherBodies());
    return new Analysis(analyze(incident), TimelineBuilder.of(incident), TrafficBuilder.of(incident));
  }

  /** Reads every input (an unreadable one is summarised, not thrown) into one incident. */
  public static Incident incident(List<InputSource> sources) {
    return incident(sources, true);
  }

  /**
   * Whether a rule may read the bodies of requests that are not Socket.IO traffic: only a rule
   * pack's {@code body} field does (the built-in rules read Socket.IO bodies and HTML pages), so
   * without packs a HAR's scripts, images and API answers are skipped unread.
   */
  private boolean readsOtherBodies() {
    return engine.readsUnrecognisedLines();
  }

  /**
   * Like {@link #incident(List)}; {@code otherBodies} false lets a HAR parser skip the bodies no
   * built-in rule reads ({@code RecordSink.readsOtherBodies}).
   */
  static Incident incident(List<InputSource> sources, boolean otherBodies) {
    IncidentBuilder builder = new IncidentBuilder();
    for (InputSource source : sources) {
      builder.addInput(read(source, builder, otherBodies));
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

  private static InputSummary read(InputSource source, IncidentBuilder builder, boolean otherBodies) {
    try (InputStream in = source.open()) {
      InputSummary summary;
      try (AsyncRecordSink sink = new AsyncRecordSink(builder.sink(), otherBodies)) {
        summary = new InputReader().read(in, source.name(), sink);
      }
      return summary;
    } catch (java.nio.file.NoSuchFileException e) {
      return new InputSummary(source.name(), null, 0, List.of(), source.name() + ": no such file");
    } catch (java.nio.file.AccessDeniedException e) {
      return new InputSummary(source.name(), null, 0, List.of(), source.name() + ": permission denied");
    } catch (IOException e) {
      return new InputSummary(source.name(), null, 0, List.of(), source.name() + ": cannot be read: " + e.getMessage());
    }
  }
}
