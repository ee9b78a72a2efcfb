package io.siodoctor.parsers;

import io.siodoctor.parsers.redact.SecretMasker;
import java.util.List;

/**
 * What became of one input: its detected format, how many records it gave, the warnings, and the
 * error that stopped it (null when it was read to the end). Mirrors {@code inputs[]} in the JSON
 * report. Errors and warnings may quote the input (Jackson quotes the token it choked on, a
 * recogniser the first line), so they go through the masker here, where every one of them passes.
 */
public record InputSummary(
    String file, String format, long records, List<String> warnings, String error) {

  public InputSummary {
    warnings = warnings == null ? List.of() : warnings.stream().map(SecretMasker::mask).toList();
    error = SecretMasker.mask(error);
  }

  public boolean readable() {
    return error == null;
  }
}
