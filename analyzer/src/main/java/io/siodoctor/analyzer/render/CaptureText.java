package io.siodoctor.analyzer.render;

import io.siodoctor.parsers.capture.CaptureProfile;
import io.siodoctor.parsers.capture.MissingEvidence;
import io.siodoctor.rules.verdict.Symptom;
import java.util.ArrayList;
import java.util.List;

/**
 * The same plain sentences in every format about what a HAR can and cannot show and about an
 * inconclusive verdict, so that text, markdown and HTML never disagree.
 */
final class CaptureText {
  private CaptureText() {}

  /** "chrome (WebInspector 537.36)". */
  static String exporter(CaptureProfile c) {
    return c.exporter() + (c.creator().isEmpty() ? "" : " (" + c.creator() + ")");
  }

  /** One line per missing kind: "response bodies (all): what the server answered ...". */
  static List<String> missing(CaptureProfile c) {
    List<String> lines = new ArrayList<>();
    for (MissingEvidence m : c.missing()) {
      lines.add(m.what().replace('-', ' ') + " (" + m.extent() + "): " + m.meaning());
    }
    return lines;
  }

  static String verdictLine(String verdict, int causes) {
    switch (verdict) {
      case "healthy":
        return "a Socket.IO session opened and worked, and nothing failed.";
      case "inconclusive":
        return "no cause can be proven from these inputs, and they do not show a connection that works (see the symptoms).";
      default:
        return causes + (causes == 1 ? " cause" : " causes") + ", most likely first.";
    }
  }

  /** The symptom's summary, as shown in lists. */
  static String symptom(Symptom s) {
    return s.summary();
  }
}
