package io.siodoctor.rules.verdict;

import io.siodoctor.rules.api.Evidence;
import java.util.List;

/**
 * Something the inputs show that points to a problem without proving a cause ({@code symptoms[]}
 * of an {@code inconclusive} report): "3 handshakes answered 400; bodies not recorded".
 *
 * @param id a stable name for the kind of symptom ({@code handshake-refused}, ...)
 * @param summary what was seen, with counts, and what is missing to decide
 * @param evidence the places that show it (like a cause's); empty only for "nothing there" symptoms
 */
public record Symptom(String id, String summary, List<Evidence> evidence) {
  public Symptom {
    evidence = List.copyOf(evidence);
  }
}
