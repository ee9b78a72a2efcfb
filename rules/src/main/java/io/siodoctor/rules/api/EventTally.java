package io.siodoctor.rules.api;

import java.time.Instant;
import java.util.List;

/**
 * How many records showed a cause, with the times of those its finding does not cite (the evidence
 * cut beyond {@link Finding#MAX_EVIDENCE}). A report prints only the count; the times are for a
 * batch scan alone, whose first/last and per-hour counts must not depend on how much a report cites.
 *
 * @param count every record that showed the cause, cited or not
 * @param uncitedTimes the times of the uncited ones that have a time, in the order they were found
 */
public record EventTally(int count, List<Instant> uncitedTimes) {

  /** Nothing counted beyond the evidence itself. */
  public static final EventTally NONE = new EventTally(0, List.of());

  public EventTally {
    uncitedTimes = uncitedTimes == null ? List.of() : List.copyOf(uncitedTimes);
  }
}
