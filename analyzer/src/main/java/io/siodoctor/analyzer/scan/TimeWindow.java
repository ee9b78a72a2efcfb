package io.siodoctor.analyzer.scan;

import java.time.Instant;

/**
 * The {@code --since}/{@code --until} filter: records outside are not analysed. Records without a
 * time are kept (a window cannot say anything about them). {@code until} is exclusive.
 */
public record TimeWindow(Instant since, Instant until) {

  public static final TimeWindow ALL = new TimeWindow(null, null);

  public boolean contains(Instant t) {
    if (t == null) {
      return true;
    }
    return (since == null || !t.isBefore(since)) && (until == null || t.isBefore(until));
  }

  public boolean unbounded() {
    return since == null && until == null;
  }
}
