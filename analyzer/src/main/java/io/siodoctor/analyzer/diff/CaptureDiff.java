package io.siodoctor.analyzer.diff;

import io.siodoctor.analyzer.render.Redactable;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The answer of {@code diff}: both captures in one line each, the differences that matter for
 * Socket.IO ranked (the one that explains the failing capture's top cause first), the causes only
 * the failing capture shows, and what is the same in both.
 *
 * @param same titles of the aspects both captures show alike
 */
public record CaptureDiff(Side working, Side failing, List<Difference> differences, List<CauseRef> onlyInFailing,
    List<String> same) implements Redactable<CaptureDiff> {

  public CaptureDiff {
    differences = List.copyOf(differences);
    onlyInFailing = List.copyOf(onlyInFailing);
    same = List.copyOf(same);
  }

  /** One capture: its inputs, verdict and ranked causes, and why an input could not be read. */
  public record Side(List<String> inputs, String verdict, List<CauseRef> causes, List<String> errors) {
    public Side {
      inputs = List.copyOf(inputs);
      causes = List.copyOf(causes);
      errors = List.copyOf(errors);
    }

    Side masked(UnaryOperator<String> mask) {
      return new Side(inputs, verdict, causes, errors.stream().map(mask).toList());
    }

    public boolean anyUnreadable() {
      return !errors.isEmpty();
    }

    public String top() {
      return causes.isEmpty() ? "" : causes.get(0).id();
    }
  }

  public record CauseRef(String id, String title, int rank) {}

  /**
   * One aspect that differs.
   *
   * @param explains the failing capture's causes this difference explains, best ranked first
   * @param workingEvidence where the working capture shows its values (those the failing one lacks first)
   */
  public record Difference(int rank, Aspect aspect, List<String> working, List<String> failing, List<String> explains,
      List<DiffEvidence> workingEvidence, List<DiffEvidence> failingEvidence) {
    public Difference {
      working = List.copyOf(working);
      failing = List.copyOf(failing);
      explains = List.copyOf(explains);
      workingEvidence = List.copyOf(workingEvidence);
      failingEvidence = List.copyOf(failingEvidence);
    }

    public String title() {
      return aspect.title();
    }

    Difference masked(UnaryOperator<String> mask) {
      return new Difference(rank, aspect, working.stream().map(mask).toList(), failing.stream().map(mask).toList(),
          explains, workingEvidence.stream().map(e -> e.masked(mask)).toList(),
          failingEvidence.stream().map(e -> e.masked(mask)).toList());
    }
  }

  /** The same diff with every input-derived text passed through {@code mask}. */
  @Override
  public CaptureDiff mapText(UnaryOperator<String> mask) {
    return new CaptureDiff(working.masked(mask), failing.masked(mask), differences.stream().map(d -> d.masked(mask)).toList(),
        onlyInFailing, same);
  }
}
