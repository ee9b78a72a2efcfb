package io.siodoctor.analyzer;

import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.analyzer.timeline.Timeline;
import io.siodoctor.analyzer.traffic.Traffic;
import java.util.function.UnaryOperator;

/**
 * A report together with what the HTML report shows beside it: the session timeline and the list of
 * Socket.IO requests, frames and log lines the evidence and the timeline point into.
 */
public record Analysis(RankedReport report, Timeline timeline, Traffic traffic) {

  public Analysis(RankedReport report, Timeline timeline) {
    this(report, timeline, Traffic.EMPTY);
  }

  /** The same analysis with every input-derived text masked (the report's, the timeline's, the list's). */
  public Analysis mapText(UnaryOperator<String> mask) {
    return new Analysis(report.mapText(mask), timeline.mapText(mask), traffic.mapText(mask));
  }

  public Analysis top(int n) {
    return new Analysis(report.top(n), timeline, traffic);
  }
}
