package io.siodoctor.analyzer.rank;

import io.siodoctor.parsers.InputSummary;
import io.siodoctor.rules.api.ClockOffset;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.verdict.Symptom;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The whole answer of one {@code analyze}: verdict, ranked causes, inputs and sessions. This is the
 * JSON contract as a record; every renderer prints it.
 *
 * @param verdict {@code problems} when {@code causes} is not empty; {@code healthy} only when the
 *     inputs show a session that opened and worked and no failure symptom; else {@code inconclusive}
 * @param correlation each server log's clock offset from the browser's (HAR + logs analyses)
 * @param warnings problems of the analysis itself (a rule that failed), not of the inputs
 * @param symptoms with {@code inconclusive}: what was seen that points to a problem, with evidence
 * @param next with {@code inconclusive}: what to collect to decide
 */
public record RankedReport(
    String verdict,
    List<RankedCause> causes,
    List<InputSummary> inputs,
    List<SessionSummary> sessions,
    List<ClockOffset> correlation,
    List<String> warnings,
    List<Symptom> symptoms,
    List<String> next) {

  public static final String HEALTHY = "healthy";
  public static final String PROBLEMS = "problems";
  /** No cause proven, and the inputs show failure symptoms or cannot show the likely causes. */
  public static final String INCONCLUSIVE = "inconclusive";

  public RankedReport {
    causes = List.copyOf(causes);
    inputs = List.copyOf(inputs);
    sessions = List.copyOf(sessions);
    correlation = List.copyOf(correlation);
    warnings = List.copyOf(warnings);
    symptoms = symptoms == null ? List.of() : List.copyOf(symptoms);
    next = next == null ? List.of() : List.copyOf(next);
  }

  /** A report without symptoms or next steps (a {@code problems} or {@code healthy} one). */
  public RankedReport(
      String verdict,
      List<RankedCause> causes,
      List<InputSummary> inputs,
      List<SessionSummary> sessions,
      List<ClockOffset> correlation,
      List<String> warnings) {
    this(verdict, causes, inputs, sessions, correlation, warnings, List.of(), List.of());
  }

  /** A report without correlation data (no HAR and logs analysed together). */
  public RankedReport(
      String verdict,
      List<RankedCause> causes,
      List<InputSummary> inputs,
      List<SessionSummary> sessions,
      List<String> warnings) {
    this(verdict, causes, inputs, sessions, List.of(), warnings);
  }

  /** The verdict is {@code healthy}: a session worked and nothing failed (not merely "no cause"). */
  public boolean healthy() {
    return HEALTHY.equals(verdict);
  }

  public boolean inconclusive() {
    return INCONCLUSIVE.equals(verdict);
  }

  public boolean anyInputUnreadable() {
    return inputs.stream().anyMatch(i -> !i.readable());
  }

  /** The same report with only the first {@code n} causes (ranks unchanged). */
  public RankedReport top(int n) {
    return causes.size() <= n ? this
        : new RankedReport(verdict, causes.subList(0, n), inputs, sessions, correlation, warnings, symptoms, next);
  }

  /** The same report with every piece of input-derived text passed through {@code mask}. */
  public RankedReport mapText(UnaryOperator<String> mask) {
    List<RankedCause> masked = causes.stream().map(c -> c.toBuilder()
        .detail(mask.apply(c.detail()))
        .evidence(masked(c.evidence(), mask))
        .build()).toList();
    List<InputSummary> in = inputs.stream().map(i -> new InputSummary(i.file(), i.format(), i.records(),
        i.warnings().stream().map(mask).toList(), mask.apply(i.error()), i.capture())).toList();
    List<Symptom> maskedSymptoms = symptoms.stream()
        .map(s -> new Symptom(s.id(), mask.apply(s.summary()), masked(s.evidence(), mask))).toList();
    return new RankedReport(verdict, masked, in, sessions, correlation, warnings, maskedSymptoms, next);
  }

  private static List<Evidence> masked(List<Evidence> evidence, UnaryOperator<String> mask) {
    return evidence.stream()
        .map(e -> new Evidence(e.location(), e.time(), mask.apply(e.excerpt()), mask.apply(e.note()))).toList();
  }
}
