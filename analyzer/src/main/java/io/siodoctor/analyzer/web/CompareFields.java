package io.siodoctor.analyzer.web;

import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.InputSource;
import io.siodoctor.analyzer.diff.CaptureDiff;
import io.siodoctor.analyzer.diff.CaptureDiffer;
import io.siodoctor.analyzer.diff.LogAssignment;
import jakarta.servlet.http.Part;
import java.util.List;

/**
 * The compare upload: one {@code working} HAR, one {@code failing} HAR, any number of {@code logs}
 * (each goes with the capture whose time it overlaps). The answer is redacted where it is written, as every
 * answer of the server.
 */
final class CompareFields {
  static final String WORKING = "working";
  static final String FAILING = "failing";
  static final String LOGS = "logs";

  private CompareFields() {}

  static CaptureDiff diff(Analyzer analyzer, Uploads uploads) {
    List<Part> working = uploads.parts(WORKING);
    List<Part> failing = uploads.parts(FAILING);
    if (working.size() != 1 || failing.size() != 1) {
      throw new WebError(400, "compare needs exactly one '" + WORKING + "' and one '" + FAILING + "' file (got "
          + working.size() + " and " + failing.size() + "); logs go in '" + LOGS + "'");
    }
    List<InputSource> logs = uploads.parts(LOGS).stream().map(Uploads::source).toList();
    LogAssignment.Sides sides = LogAssignment.assign(Uploads.source(working.get(0)), Uploads.source(failing.get(0)), logs);
    CaptureDiff diff = new CaptureDiffer(analyzer).diff(sides.working(), sides.failing());
    if (diff.working().anyUnreadable() || diff.failing().anyUnreadable()) {
      List<String> errors = new java.util.ArrayList<>(diff.working().errors());
      errors.addAll(diff.failing().errors());
      throw new WebError(400, String.join("; ", errors));
    }
    return diff;
  }
}
