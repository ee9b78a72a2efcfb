package io.siodoctor.parsers;

import io.siodoctor.parsers.capture.CaptureProfile;
import io.siodoctor.parsers.redact.SecretMasker;
import java.util.List;

/**
 * What became of one input: its detected format, how many records it gave, the warnings, and the
 * error that stopped it (null when it was read to the end). Mirrors {@code inputs[]} in the JSON
 * report. Errors and warnings may quote the input (Jackson quotes the token it choked on, a
 * recogniser the first line), so they go through the masker here, where every one of them passes.
 *
 * @param capture what a HAR input can and cannot show; null for logs and for inputs not read
 */
public record InputSummary(
    String file, String format, long records, List<String> warnings, String error, CaptureProfile capture) {

  public InputSummary {
    warnings = warnings == null ? List.of() : warnings.stream().map(SecretMasker::mask).toList();
    error = SecretMasker.mask(error);
  }

  /** An input without a capture profile (a log, or an input that could not be read). */
  public InputSummary(String file, String format, long records, List<String> warnings, String error) {
    this(file, format, records, warnings, error, null);
  }

  public boolean readable() {
    return error == null;
  }
}
