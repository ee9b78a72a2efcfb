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

/**
 * The terminal report: verdict first, then each cause with its evidence and fix. Colour only when
 * asked for (the CLI asks on a TTY without {@code NO_COLOR}).
 */
public final class TextRenderer implements ReportRenderer {
  /** The {@code --format} value. */
  public static final String NAME = "text";
  private static final int EVIDENCE_SHOWN = 5;

  private final boolean colour;

  public TextRenderer(boolean colour) {
    this.colour = colour;
  }

  @Override
  public void render(Analysis analysis, Writer writer) throws IOException {
    RankedReport report = analysis.report();
    PrintWriter out = new PrintWriter(writer);
    long unreadable = report.inputs().stream().filter(i -> !i.readable()).count();
    String colourOfVerdict = report.healthy() ? "1;32" : report.inconclusive() ? "1;33" : "1;31";
    out.println(style(colourOfVerdict, "Verdict: " + report.verdict()) + " — "
        + CaptureText.verdictLine(report.verdict(), report.causes().size())
        + (unreadable > 0 ? " " + unreadable + " input(s) could not be read (see Inputs)." : ""));
    if (!report.symptoms().isEmpty()) {
      out.println();
      out.println(style("1", "Symptoms:"));
      for (Symptom s : report.symptoms()) {
        out.println("  - " + CaptureText.symptom(s));
        for (int i = 0; i < Math.min(3, s.evidence().size()); i++) {
          Evidence e = s.evidence().get(i);
          out.println("      " + style("36", e.location().file() + " " + e.location().location()) + "  " + e.excerpt());
        }
      }
    }
    if (!report.next().isEmpty()) {
      out.println();
      out.println(style("1", "To decide, collect:"));
      for (String n : report.next()) {
        out.println("  - " + n);
      }
    }
    for (RankedCause c : report.causes()) {
      out.println();
      out.printf(Locale.ROOT, "%s %s  %s%n", style("1", c.rank() + "."), style("1;33", c.id()),
          style("2", String.format(Locale.ROOT, "%s, confidence %.2f", c.severity(), c.confidence())));
      out.println("   " + style("1", c.title()));
      if (c.detail() != null) {
        out.println("   " + c.detail());
      }
      out.println();
      out.println(indent(c.explanation(), "   "));
      out.println();
      out.println("   " + style("1", "Evidence:"));
      for (int i = 0; i < Math.min(EVIDENCE_SHOWN, c.evidence().size()); i++) {
        Evidence e = c.evidence().get(i);
        out.println("   - " + style("36", e.location().file() + " " + e.location().location())
            + (e.time() == null ? "" : style("2", " " + e.time()))
            + (e.note() == null ? "" : "  (" + e.note() + ")"));
        out.println("     " + e.excerpt());
      }
      if (c.evidence().size() > EVIDENCE_SHOWN) {
        out.println("   - … and " + (c.evidence().size() - EVIDENCE_SHOWN) + " more (see --format json)");
      }
      out.println();
      out.println("   " + style("1", "Fix:"));
      out.println(indent(c.fix(), "   "));
      out.println("   " + style("2", "Docs: " + c.docs()));
    }
    out.println();
    out.println(style("1", "Inputs:"));
    for (InputSummary in : report.inputs()) {
      out.println("  " + in.file() + ": " + (in.readable()
          ? in.format() + ", " + in.records() + " records" : style("31", "unreadable: " + in.error())));
      if (in.capture() != null) {
        out.println("    captured by " + CaptureText.exporter(in.capture()) + (in.capture().missing().isEmpty()
            ? "; holds bodies, frames, cookies, timings and pages" : "; cannot show:"));
        for (String m : CaptureText.missing(in.capture())) {
          out.println("    - " + m);
        }
      }
      for (String w : in.warnings()) {
        out.println("    warning: " + w);
      }
    }
    if (!report.sessions().isEmpty()) {
      out.println(report.sessions().size() + " Engine.IO session(s); --format json lists them.");
    }
    for (String w : report.warnings()) {
      out.println("warning: " + w);
    }
    out.flush();
  }

  private String style(String code, String text) {
    return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }

  private static String indent(String text, String prefix) {
    return prefix + text.replace("\n", "\n" + prefix);
  }
}
