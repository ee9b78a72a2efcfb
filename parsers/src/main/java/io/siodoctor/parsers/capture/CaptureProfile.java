package io.siodoctor.parsers.capture;

import java.util.List;
import java.util.Optional;

/**
 * What one HAR can and cannot show: which program wrote it ({@link Exporter}) and the kinds of
 * evidence it does not hold. The verdict and the rules read it to tell "not there" from "not
 * recorded".
 *
 * @param exporter an {@link Exporter} id ({@code chrome}, {@code firefox}, ..., {@code unknown})
 * @param creator {@code log.creator.name} and version as written, or "" when absent
 * @param missing what the capture does not hold, in the contract's order
 */
public record CaptureProfile(String exporter, String creator, List<MissingEvidence> missing) {

  public CaptureProfile {
    creator = creator == null ? "" : creator;
    missing = missing == null ? List.of() : List.copyOf(missing);
  }

  public Optional<MissingEvidence> missing(String what) {
    return missing.stream().filter(m -> m.what().equals(what)).findFirst();
  }

  /** True when none of {@code what} is usable in this capture (absent everywhere, or markers only). */
  public boolean lacks(String what) {
    return missing(what).map(MissingEvidence::nothingLeft).orElse(false);
  }

  /** True when at least part of {@code what} is absent. */
  public boolean lacksAny(String what) {
    return missing(what).isPresent();
  }
}
