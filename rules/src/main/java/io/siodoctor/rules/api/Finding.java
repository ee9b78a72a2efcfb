package io.siodoctor.rules.api;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a rule returns when its cause is present: how sure it is, the evidence, the sessions it
 * affects, and what it saw that the generic prose cannot know. A rule gives all its evidence; the
 * engine cites the first {@link #MAX_EVIDENCE} items and counts the rest ({@link #events}).
 *
 * @param confidence in [0, 1]: about 0.9 when a protocol message names the cause, 0.5-0.8 for
 *     inferred patterns (periods, gaps, absences)
 * @param evidence at least one item; the first is the most decisive
 * @param sessionIds Engine.IO sids affected (may be empty for attempts that never got one)
 * @param detail what was measured or seen ("period 60.0 s ± 0.3 s over 5 disconnects"), or null
 * @param fix the exact change for what was seen (versions, option values), or null for the
 *     generic fix only
 * @param events how many records showed the cause, at least the evidence given: a report prints it,
 *     and after the engine's cut it still counts the items no longer cited
 */
public record Finding(
    double confidence,
    List<Evidence> evidence,
    Set<String> sessionIds,
    String detail,
    String fix,
    int events) {

  /** Evidence items a report cites per finding: enough to prove it, few enough to read. */
  public static final int MAX_EVIDENCE = 20;

  public Finding {
    if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
      throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
    }
    if (evidence == null || evidence.isEmpty()) {
      throw new IllegalArgumentException("a finding needs at least one evidence item");
    }
    evidence = List.copyOf(evidence);
    events = Math.max(events, evidence.size());
    // in the order the rule found them: Set.copyOf iterates in a per-JVM random order, which made
    // causes[].sessions differ from run to run
    sessionIds = sessionIds == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(sessionIds));
  }

  public Finding(
      double confidence, List<Evidence> evidence, Set<String> sessionIds, String detail, String fix) {
    this(confidence, evidence, sessionIds, detail, fix, 0);
  }

  public static Finding of(double confidence, List<Evidence> evidence) {
    return new Finding(confidence, evidence, Set.of(), null, null, 0);
  }

  public Finding withSessions(Collection<String> sids) {
    return new Finding(confidence, evidence, new LinkedHashSet<>(sids), detail, fix, events);
  }

  public Finding withDetail(String newDetail) {
    return new Finding(confidence, evidence, sessionIds, newDetail, fix, events);
  }

  public Finding withFix(String newFix) {
    return new Finding(confidence, evidence, sessionIds, detail, newFix, events);
  }

  public Finding withConfidence(double newConfidence) {
    return new Finding(Math.min(1.0, newConfidence), evidence, sessionIds, detail, fix, events);
  }
}
