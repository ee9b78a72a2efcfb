package io.siodoctor.analyzer.rank;

import io.siodoctor.rules.api.Evidence;
import java.time.Instant;
import java.util.List;

/**
 * One cause in the report, as the JSON contract shows it ({@code causes[]}), plus what the finding
 * measured ({@code detail}), the sessions it affects and how many records showed it ({@code
 * events}; the evidence list is capped) with the times of those not cited ({@code uncitedTimes},
 * for batch histograms; not printed).
 */
public record RankedCause(
    String id,
    int rank,
    double confidence,
    String severity,
    String category,
    String title,
    String explanation,
    String fix,
    String docs,
    String detail,
    List<String> sessions,
    List<Evidence> evidence,
    int events,
    List<Instant> uncitedTimes) {

  public RankedCause {
    sessions = List.copyOf(sessions);
    evidence = List.copyOf(evidence);
    uncitedTimes = List.copyOf(uncitedTimes);
  }
}
