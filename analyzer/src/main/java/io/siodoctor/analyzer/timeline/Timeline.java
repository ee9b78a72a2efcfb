package io.siodoctor.analyzer.timeline;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** What the HTML report draws as the session timeline: lanes of marks over one time axis. */
public record Timeline(List<TimelineLane> lanes) {

  public static final Timeline EMPTY = new Timeline(List.of());

  public Timeline {
    lanes = List.copyOf(lanes);
  }

  public boolean isEmpty() {
    return lanes.stream().allMatch(l -> l.marks().isEmpty());
  }

  public Instant start() {
    return lanes.stream().flatMap(l -> l.marks().stream()).map(TimelineMark::time)
        .min(Instant::compareTo).orElse(null);
  }

  /** The latest end of any mark (a long poll ends after it starts). */
  public Instant end() {
    return lanes.stream().flatMap(l -> l.marks().stream())
        .map(m -> m.time().plusNanos((long) (m.durationMs() * 1_000_000)))
        .max(Instant::compareTo).orElse(null);
  }

  /** The same timeline with every title (URLs, frame data) passed through {@code mask}. */
  public Timeline mapText(UnaryOperator<String> mask) {
    return new Timeline(lanes.stream()
        .map(l -> new TimelineLane(l.label(), l.marks().stream().map(m -> m.withTitle(mask.apply(m.title()))).toList(),
            l.dropped()))
        .toList());
  }
}
