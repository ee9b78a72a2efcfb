package io.siodoctor.analyzer;

import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.analyzer.timeline.Timeline;
import java.util.function.UnaryOperator;

/** A report together with the session timeline the HTML report draws. */
public record Analysis(RankedReport report, Timeline timeline) {

  /** The same analysis with every input-derived text masked (the report's and the timeline's). */
  public Analysis mapText(UnaryOperator<String> mask) {
    return new Analysis(report.mapText(mask), timeline.mapText(mask));
  }

  public Analysis top(int n) {
    return new Analysis(report.top(n), timeline);
  }
}
