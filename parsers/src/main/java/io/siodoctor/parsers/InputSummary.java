package io.siodoctor.parsers;

import java.util.List;

/**
 * What became of one input: its detected format, how many records it gave, the warnings, and the
 * error that stopped it (null when it was read to the end). Mirrors {@code inputs[]} in the JSON
 * report.
 */
public record InputSummary(
    String file, String format, long records, List<String> warnings, String error) {

  public InputSummary {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  public boolean readable() {
    return error == null;
  }
}
