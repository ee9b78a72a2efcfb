package io.siodoctor.analyzer.diff;

import java.util.List;
import java.util.Map;

/**
 * What one capture shows for one aspect: its values (sorted, as compared) and, per value, the first
 * places that show it.
 */
record Fact(Aspect aspect, List<String> values, Map<String, List<DiffEvidence>> evidence) {

  Fact {
    values = List.copyOf(values);
    evidence = Map.copyOf(evidence);
  }
}
