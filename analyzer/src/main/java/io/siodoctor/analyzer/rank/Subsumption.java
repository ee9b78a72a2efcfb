package io.siodoctor.analyzer.rank;

import io.siodoctor.rules.api.CauseInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The one rule for dropping a cause that another firing cause explains: another candidate lists it
 * in {@code subsumes} and shares one of its sessions (or one of the two has no sessions to
 * compare); when two subsume each other, the more confident one stays. {@code analyze} applies it
 * to the findings of its incident ({@link Ranker}); the batch scan and the Spark job to the causes
 * counted over every chunk and file of an incident ({@code scan.IncidentMerge}), so both report the
 * same causes for the same files.
 */
public final class Subsumption {
  private Subsumption() {}

  /**
   * The candidates no other candidate subsumes, in their order.
   *
   * @param cause the cause of a candidate (its id and {@code subsumes})
   * @param confidence decides mutual subsumption
   * @param noSessions the candidate names no session
   * @param shareSession the two candidates name a common session
   */
  public static <T> List<T> kept(List<T> candidates, Function<T, CauseInfo> cause, ToDoubleFunction<T> confidence,
      Predicate<T> noSessions, BiPredicate<T, T> shareSession) {
    List<T> kept = new ArrayList<>();
    for (T f : candidates) {
      if (!subsumed(f, candidates, cause, confidence, noSessions, shareSession)) {
        kept.add(f);
      }
    }
    return kept;
  }

  private static <T> boolean subsumed(T f, List<T> all, Function<T, CauseInfo> cause, ToDoubleFunction<T> confidence,
      Predicate<T> noSessions, BiPredicate<T, T> shareSession) {
    CauseInfo fc = cause.apply(f);
    for (T other : all) {
      CauseInfo oc = cause.apply(other);
      if (other == f || !oc.subsumes().contains(fc.id())) {
        continue;
      }
      // mutual subsumption would drop both: the more confident one wins
      if (fc.subsumes().contains(oc.id()) && confidence.applyAsDouble(f) > confidence.applyAsDouble(other)) {
        continue;
      }
      if (noSessions.test(f) || noSessions.test(other) || shareSession.test(f, other)) {
        return true;
      }
    }
    return false;
  }
}
