package io.siodoctor.analyzer.render;

import io.siodoctor.analyzer.Analysis;
import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.verdict.Symptom;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/** A report to paste into a support ticket: headings, the evidence as code, the fix as written. */
public final class MarkdownRenderer implements ReportRenderer {
  /** The {@code --format} value. */
  public static final String NAME = "markdown";

  @Override
  public void render(Analysis analysis, Writer writer) throws IOException {
    RankedReport report = analysis.report();
    PrintWriter out = new PrintWriter(writer);
    out.println("# Socket.IO diagnosis: " + report.verdict());
    out.println();
    out.println("Verdict: " + CaptureText.verdictLine(report.verdict(), report.causes().size()));
    out.println();
    if (!report.symptoms().isEmpty()) {
      out.println("## Symptoms");
      out.println();
      for (Symptom s : report.symptoms()) {
        out.println("- " + plain(CaptureText.symptom(s)));
        for (Evidence e : s.evidence()) {
          out.println("  - `" + plain(e.location().file()) + "` " + e.location().location() + ": `"
              + plain(e.excerpt()) + "`");
        }
      }
      out.println();
    }
    if (!report.next().isEmpty()) {
      out.println("## To decide, collect");
      out.println();
      for (String n : report.next()) {
        out.println("- " + n);
      }
      out.println();
    }
    for (RankedCause c : report.causes()) {
      out.printf(Locale.ROOT, "## %d. %s (`%s`)%n%n", c.rank(), c.title(), c.id());
      out.printf(Locale.ROOT, "*%s, confidence %.2f*%s%n%n", c.severity(), c.confidence(),
          c.detail() == null ? "" : " — " + c.detail());
      out.println(c.explanation());
      out.println();
      out.println("**Evidence**");
      out.println();
      for (Evidence e : c.evidence()) {
        out.println("- `" + e.location().file() + "` " + e.location().location()
            + (e.time() == null ? "" : " at " + e.time()) + (e.note() == null ? "" : " — " + e.note()));
        out.println("  ```");
        out.println("  " + e.excerpt().replace("```", "'''"));
        out.println("  ```");
      }
      out.println();
      out.println("**Fix**");
      out.println();
      out.println(c.fix());
      out.println();
      out.println("Docs: " + c.docs());
      out.println();
    }
    out.println("## Inputs");
    out.println();
    for (InputSummary in : report.inputs()) {
      out.println("- `" + in.file() + "`: " + (in.readable() ? in.format() + ", " + in.records() + " records"
          : "unreadable: " + in.error()));
      if (in.capture() != null) {
        out.println("  - captured by " + plain(CaptureText.exporter(in.capture()))
            + (in.capture().missing().isEmpty() ? "; holds everything this tool reads" : "; cannot show:"));
        for (String m : CaptureText.missing(in.capture())) {
          out.println("    - " + m);
        }
      }
    }
    out.flush();
  }

  /** Input-derived text on one line, without backticks (so it cannot close a code span or start a block). */
  private static String plain(String text) {
    return text == null ? "" : text.replace('`', '\'').replace('\n', ' ').replace('\r', ' ');
  }
}
