package io.siodoctor.analyzer.rank;

import io.siodoctor.rules.api.CauseInfo;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.engine.CauseFinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Orders findings into the report: drops a cause that another firing cause subsumes on the same
 * sessions ({@link Subsumption}), raises the confidence of causes seen from both the browser and the server, then ranks
 * by confidence, severity and the earliest evidence.
 */
public final class Ranker {
  private Ranker() {}

  public static List<RankedCause> rank(List<CauseFinding> findings, Set<String> logFiles) {
    List<CauseFinding> kept = new ArrayList<>();
    for (CauseFinding f : Subsumption.kept(findings, CauseFinding::cause, f -> f.finding().confidence(),
        f -> f.finding().sessionIds().isEmpty(),
        (f, g) -> f.finding().sessionIds().stream().anyMatch(g.finding().sessionIds()::contains))) {
      kept.add(corroborated(f, logFiles));
    }
    kept.sort(Comparator.comparingDouble((CauseFinding f) -> -f.finding().confidence())
        .thenComparing(f -> f.cause().severity().ordinal())
        .thenComparing(f -> earliest(f.finding()), Comparator.nullsLast(Comparator.naturalOrder())));
    List<RankedCause> ranked = new ArrayList<>();
    for (CauseFinding f : kept) {
      CauseInfo c = f.cause();
      Finding fi = f.finding();
      String fix = fi.fix() == null ? c.fix() : fi.fix() + "\n\n" + c.fix();
      ranked.add(RankedCause.builder()
          .id(c.id())
          .rank(ranked.size() + 1)
          .confidence(round(fi.confidence()))
          .severity(c.severity().id())
          .category(c.category().title())
          .title(c.title())
          .explanation(c.explanation())
          .fix(fix)
          .docs(c.docs())
          .detail(fi.detail())
          .sessions(new ArrayList<>(fi.sessionIds()))
          .evidence(fi.evidence())
          .events(fi.events())
          .build());
    }
    return Collections.unmodifiableList(ranked);
  }

  /** Seen in a HAR and in a server log: both sides agree, so halve the remaining doubt. */
  private static CauseFinding corroborated(CauseFinding f, Set<String> logFiles) {
    boolean fromLog = f.finding().evidence().stream().anyMatch(e -> logFiles.contains(e.location().file()));
    boolean fromHar = f.finding().evidence().stream().anyMatch(e -> !logFiles.contains(e.location().file()));
    if (fromLog && fromHar) {
      double c = f.finding().confidence();
      return new CauseFinding(f.cause(), f.finding().withConfidence(1 - (1 - c) / 2));
    }
    return f;
  }

  private static Instant earliest(Finding f) {
    return f.evidence().stream().map(Evidence::time).filter(t -> t != null).min(Comparator.naturalOrder()).orElse(null);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
