package io.siodoctor.rules.verdict;

import java.util.List;

/**
 * The report's verdict and, when no cause is proven, why not: the symptoms seen and what to
 * collect next.
 *
 * @param verdict {@code problems}, {@code healthy} or {@code inconclusive}
 * @param healthProof the place that shows a session opened and worked, or null
 */
public record Verdict(String verdict, List<Symptom> symptoms, List<String> next, String healthProof) {
  public static final String HEALTHY = "healthy";
  public static final String PROBLEMS = "problems";
  public static final String INCONCLUSIVE = "inconclusive";

  public Verdict {
    symptoms = List.copyOf(symptoms);
    next = List.copyOf(next);
  }
}
