package io.siodoctor.rules.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a rule returns when its cause is present: how sure it is, the evidence, the sessions it
 * affects, and what it saw that the generic prose cannot know.
 *
 * @param confidence in [0, 1]: about 0.9 when a protocol message names the cause, 0.5-0.8 for
 *     inferred patterns (periods, gaps, absences)
 * @param evidence at least one item; the first is the most decisive
 * @param sessionIds Engine.IO sids affected (may be empty for attempts that never got one)
 * @param detail what was measured or seen ("period 60.0 s ± 0.3 s over 5 disconnects"), or null
 * @param fix the exact change for what was seen (versions, option values), or null for the
 *     generic fix only
 * @param tally how many records showed the cause (at least the evidence given, before it was cut
 *     to {@link #MAX_EVIDENCE}; a report prints it as {@code events}), with the times of the cut ones,
 *     which only a batch scan reads
 */
public record Finding(
    double confidence,
    List<Evidence> evidence,
    Set<String> sessionIds,
    String detail,
    String fix,
    EventTally tally) {

  /** Evidence items kept per finding: enough to prove it, few enough to read. */
  public static final int MAX_EVIDENCE = 20;

  public Finding {
    if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
      throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
    }
    if (evidence == null || evidence.isEmpty()) {
      throw new IllegalArgumentException("a finding needs at least one evidence item");
    }
    EventTally given = tally == null ? EventTally.NONE : tally;
    int events = Math.max(given.count(), evidence.size() + given.uncitedTimes().size());
    List<Instant> uncited = new ArrayList<>(given.uncitedTimes());
    if (evidence.size() > MAX_EVIDENCE) {
      for (Evidence e : evidence.subList(MAX_EVIDENCE, evidence.size())) {
        if (e.time() != null) {
          uncited.add(e.time());
        }
      }
      evidence = evidence.subList(0, MAX_EVIDENCE);
    }
    evidence = List.copyOf(evidence);
    tally = new EventTally(events, uncited);
    // in the order the rule found them: Set.copyOf iterates in a per-JVM random order, which made
    // causes[].sessions differ from run to run
    sessionIds = sessionIds == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(sessionIds));
  }

  public Finding(
      double confidence, List<Evidence> evidence, Set<String> sessionIds, String detail, String fix, int events) {
    this(confidence, evidence, sessionIds, detail, fix, new EventTally(events, List.of()));
  }

  public Finding(
      double confidence, List<Evidence> evidence, Set<String> sessionIds, String detail, String fix) {
    this(confidence, evidence, sessionIds, detail, fix, 0);
  }

  /** How many records showed the cause, cited or not: the report's {@code events}. */
  public int events() {
    return tally.count();
  }

  public static Finding of(double confidence, List<Evidence> evidence) {
    return new Finding(confidence, evidence, Set.of(), null, null, 0);
  }

  public Finding withSessions(Collection<String> sids) {
    return new Finding(confidence, evidence, new LinkedHashSet<>(sids), detail, fix, tally);
  }

  public Finding withDetail(String newDetail) {
    return new Finding(confidence, evidence, sessionIds, newDetail, fix, tally);
  }

  public Finding withFix(String newFix) {
    return new Finding(confidence, evidence, sessionIds, detail, newFix, tally);
  }

  public Finding withConfidence(double newConfidence) {
    return new Finding(Math.min(1.0, newConfidence), evidence, sessionIds, detail, fix, tally);
  }

  /** This finding's evidence followed by {@code more}, without duplicate locations. */
  public Finding withMoreEvidence(List<Evidence> more) {
    List<Evidence> all = new ArrayList<>(evidence);
    int added = 0;
    for (Evidence e : more) {
      if (all.stream().noneMatch(x -> x.location().equals(e.location()))) {
        all.add(e);
        added++;
      }
    }
    // events counts the uncited ones already: the constructor must not add them again
    return new Finding(confidence, all, sessionIds, detail, fix, new EventTally(events() + added, tally.uncitedTimes()));
  }
}
