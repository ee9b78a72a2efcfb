package io.siodoctor.rules.engine;

import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The engine's one evidence cut: a rule's finding as a report cites it (its first {@link
 * Finding#MAX_EVIDENCE} items, {@code events} still counting all), and the tally of every event with
 * the times of the uncited ones, which only a batch scan reads.
 */
record CitedFinding(Finding finding, EventTally tally) {

  /** Cuts what a rule returned. */
  static CitedFinding of(Finding found) {
    return cut(found, found.events(), List.of());
  }

  /**
   * Two rules for one cause (a built-in and a pack rule): this finding's evidence followed by the
   * other's cited items at places not cited yet, cut again; the other's confidence if higher, both
   * sets of sessions; detail and fix stay this one's.
   */
  CitedFinding merge(CitedFinding other) {
    List<Evidence> all = new ArrayList<>(finding.evidence());
    int added = 0;
    for (Evidence e : other.finding.evidence()) {
      if (all.stream().noneMatch(x -> x.location().equals(e.location()))) {
        all.add(e);
        added++;
      }
    }
    Set<String> sids = new LinkedHashSet<>(finding.sessionIds());
    sids.addAll(other.finding.sessionIds());
    // events counts this one's uncited events already: only the added places are new
    int events = tally.count() + added;
    Finding merged = new Finding(Math.min(1.0, Math.max(finding.confidence(), other.finding.confidence())),
        all, sids, finding.detail(), finding.fix(), events);
    return cut(merged, events, tally.uncitedTimes());
  }

  /** {@code f} with its evidence past {@link Finding#MAX_EVIDENCE} cut, their times after {@code uncitedBefore}. */
  private static CitedFinding cut(Finding f, int events, List<Instant> uncitedBefore) {
    List<Evidence> evidence = f.evidence();
    int count = Math.max(events, evidence.size() + uncitedBefore.size());
    if (evidence.size() <= Finding.MAX_EVIDENCE && count == f.events()) {
      return new CitedFinding(f, new EventTally(count, uncitedBefore));
    }
    List<Instant> uncited = new ArrayList<>(uncitedBefore);
    List<Evidence> cited = evidence;
    if (evidence.size() > Finding.MAX_EVIDENCE) {
      for (Evidence e : evidence.subList(Finding.MAX_EVIDENCE, evidence.size())) {
        if (e.time() != null) {
          uncited.add(e.time());
        }
      }
      cited = evidence.subList(0, Finding.MAX_EVIDENCE);
    }
    Finding citing = new Finding(f.confidence(), cited, f.sessionIds(), f.detail(), f.fix(), count);
    return new CitedFinding(citing, new EventTally(count, uncited));
  }
}
