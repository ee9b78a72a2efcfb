package io.siodoctor.analyzer;

import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.analyzer.render.Redactable;
import io.siodoctor.analyzer.timeline.Timeline;
import io.siodoctor.analyzer.timeline.TimelineBuilder;
import io.siodoctor.analyzer.traffic.Traffic;
import io.siodoctor.analyzer.traffic.TrafficBuilder;
import io.siodoctor.rules.api.Incident;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The one result of an analysis that every renderer takes: the ranked report, plus what the HTML
 * report shows beside it, the session timeline and the list of Socket.IO requests, frames and log
 * lines the evidence and the timeline point into. Those two are built from the incident the first
 * time a renderer asks, so formats that never show them (text, JSON) never pay for them.
 */
public final class Analysis implements Redactable<Analysis> {
  private final RankedReport report;
  private final Supplier<Timeline> timeline;
  private final Supplier<Traffic> traffic;

  private Analysis(RankedReport report, Supplier<Timeline> timeline, Supplier<Traffic> traffic) {
    this.report = report;
    this.timeline = timeline;
    this.traffic = traffic;
  }

  /** A report alone: no timeline, no request list. */
  public static Analysis of(RankedReport report) {
    return new Analysis(report, () -> Timeline.EMPTY, () -> Traffic.EMPTY);
  }

  public static Analysis of(RankedReport report, Timeline timeline, Traffic traffic) {
    return new Analysis(report, () -> timeline, () -> traffic);
  }

  /** The report of {@code incident}, with its timeline and request list built when first asked for. */
  static Analysis of(RankedReport report, Incident incident) {
    return new Analysis(report, new Once<>(() -> TimelineBuilder.of(incident)), new Once<>(() -> TrafficBuilder.of(incident)));
  }

  public RankedReport report() {
    return report;
  }

  public Timeline timeline() {
    return timeline.get();
  }

  public Traffic traffic() {
    return traffic.get();
  }

  /** This analysis with the timeline and the request list built now (the web builds them inside its time bound). */
  public Analysis built() {
    return of(report, timeline(), traffic());
  }

  /** The same analysis with every input-derived text masked (the report's, the timeline's, the list's). */
  @Override
  public Analysis mapText(UnaryOperator<String> mask) {
    return new Analysis(report.mapText(mask), new Once<>(() -> timeline().mapText(mask)),
        new Once<>(() -> traffic().mapText(mask)));
  }

  /** The same analysis with only the first {@code n} causes (ranks unchanged). */
  public Analysis top(int n) {
    return new Analysis(report.top(n), timeline, traffic);
  }

  /** Computes its value on the first call and keeps it (dropping what computed it, e.g. the incident). */
  private static final class Once<T> implements Supplier<T> {
    private Supplier<T> compute;
    private T value;

    Once(Supplier<T> compute) {
      this.compute = compute;
    }

    @Override
    public synchronized T get() {
      if (compute != null) {
        value = compute.get();
        compute = null;
      }
      return value;
    }
  }
}
