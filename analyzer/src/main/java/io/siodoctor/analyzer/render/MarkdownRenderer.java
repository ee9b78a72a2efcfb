package io.siodoctor.analyzer.render;

import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.rules.api.Evidence;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/** A report to paste into a support ticket: headings, the evidence as code, the fix as written. */
public final class MarkdownRenderer implements ReportRenderer {
  public static final String NAME = "markdown";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void render(RankedReport report, Writer writer) throws IOException {
    PrintWriter out = new PrintWriter(writer);
    out.println("# Socket.IO diagnosis: " + report.verdict());
    out.println();
    if (report.healthy()) {
      out.println("No cause of a Socket.IO connection failure was found in the inputs.");
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
    }
    out.flush();
  }
}
