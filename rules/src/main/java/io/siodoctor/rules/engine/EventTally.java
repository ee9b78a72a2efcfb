package io.siodoctor.rules.engine;

import io.siodoctor.rules.api.Finding;
import java.time.Instant;
import java.util.List;

/**
 * How many records showed a cause, with the times of those its finding does not cite (the evidence
 * the engine cut beyond {@link Finding#MAX_EVIDENCE}). A report prints only the count, which the
 * cited finding carries too ({@link Finding#events}); the times are for a batch scan alone, whose
 * first/last and per-hour counts must not depend on how much a report cites.
 *
 * @param count every record that showed the cause, cited or not
 * @param uncitedTimes the times of the uncited ones that have a time, in the order they were found
 */
public record EventTally(int count, List<Instant> uncitedTimes) {

  public EventTally {
    uncitedTimes = uncitedTimes == null ? List.of() : List.copyOf(uncitedTimes);
  }
}
