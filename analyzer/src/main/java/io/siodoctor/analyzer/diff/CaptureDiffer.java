package io.siodoctor.analyzer.diff;

import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.InputSource;
import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.analyzer.traffic.TrafficBuilder;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.rules.api.Incident;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a working and a failing capture of the same app: each is analysed on its own (with its own
 * logs), its Socket.IO facts read ({@link CaptureFacts}), and the aspects whose values differ are
 * ranked: first those that explain the failing capture's top cause (in the order that cause names
 * them, {@link Aspect#EXPLAINS}), then those explaining its other causes, then the rest.
 */
public final class CaptureDiffer {
  private final Analyzer analyzer;

  public CaptureDiffer(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** One analysed capture, kept for the diff and for its report. */
  record Analysed(RankedReport report, Map<Aspect, Fact> facts) {}

  public CaptureDiff diff(List<InputSource> working, List<InputSource> failing) {
    Analysed w = analyse(working);
    Analysed f = analyse(failing);
    return compare(w, f);
  }

  Analysed analyse(List<InputSource> sources) {
    Incident incident = Analyzer.incident(sources);
    RankedReport report = analyzer.analyze(incident).report();
    return new Analysed(report, CaptureFacts.of(incident, TrafficBuilder.of(incident)));
  }

  static CaptureDiff compare(Analysed w, Analysed f) {
    Set<String> workingCauses = new HashSet<>();
    w.report().causes().forEach(c -> workingCauses.add(c.id()));
    List<RankedCause> failingOnly = f.report().causes().stream().filter(c -> !workingCauses.contains(c.id())).toList();

    record Candidate(Aspect aspect, List<String> explains, int causeRank, int aspectPosition) {}
    List<Candidate> candidates = new ArrayList<>();
    List<String> same = new ArrayList<>();
    for (Aspect a : Aspect.values()) {
      Fact wf = w.facts().get(a);
      Fact ff = f.facts().get(a);
      if (wf.values().equals(ff.values())) {
        if (!wf.values().isEmpty()) {
          same.add(a.title());
        }
        continue;
      }
      List<String> explains = new ArrayList<>();
      int causeRank = Integer.MAX_VALUE;
      int position = Integer.MAX_VALUE;
      for (RankedCause c : failingOnly) {
        List<Aspect> order = Aspect.EXPLAINS.getOrDefault(c.id(), List.of());
        if (order.contains(a)) {
          explains.add(c.id());
          if (causeRank == Integer.MAX_VALUE) {
            causeRank = c.rank();
            position = order.indexOf(a);
          }
        }
      }
      candidates.add(new Candidate(a, explains, causeRank, position));
    }
    candidates.sort(Comparator.comparingInt(Candidate::causeRank).thenComparingInt(Candidate::aspectPosition)
        .thenComparingInt(c -> c.aspect().ordinal()));
    List<CaptureDiff.Difference> differences = new ArrayList<>();
    for (Candidate c : candidates) {
      Fact wf = w.facts().get(c.aspect());
      Fact ff = f.facts().get(c.aspect());
      differences.add(new CaptureDiff.Difference(differences.size() + 1, c.aspect(), wf.values(), ff.values(),
          c.explains(), evidence(wf, ff), evidence(ff, wf)));
    }
    return new CaptureDiff(side(w.report()), side(f.report()), differences,
        failingOnly.stream().map(CaptureDiffer::ref).toList(), same);
  }

  /** Where {@code mine} shows its values: those the other capture lacks first, two places each. */
  private static List<DiffEvidence> evidence(Fact mine, Fact other) {
    List<DiffEvidence> out = new ArrayList<>();
    for (String v : mine.values()) {
      if (!other.values().contains(v)) {
        out.addAll(mine.evidence().getOrDefault(v, List.of()));
      }
    }
    if (out.isEmpty()) {
      for (String v : mine.values()) {
        out.addAll(mine.evidence().getOrDefault(v, List.of()));
      }
    }
    return out.size() > 4 ? out.subList(0, 4) : out;
  }

  private static CaptureDiff.Side side(RankedReport r) {
    return new CaptureDiff.Side(r.inputs().stream().map(InputSummary::file).toList(), r.verdict(),
        r.causes().stream().map(CaptureDiffer::ref).toList(),
        r.inputs().stream().filter(i -> !i.readable()).map(InputSummary::error).toList());
  }

  private static CaptureDiff.CauseRef ref(RankedCause c) {
    return new CaptureDiff.CauseRef(c.id(), c.title(), c.rank());
  }
}
