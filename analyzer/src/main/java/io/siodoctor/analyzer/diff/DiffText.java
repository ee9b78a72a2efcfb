package io.siodoctor.analyzer.diff;

import io.siodoctor.analyzer.render.Renderer;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;

/** {@code diff --format text}: the ranked differences, side by side as two labelled lines each. */
public final class DiffText implements Renderer<CaptureDiff> {
  /** The {@code --format} value. */
  public static final String NAME = "text";

  @Override
  public void render(CaptureDiff d, Writer w) {
    PrintWriter out = new PrintWriter(w);
    out.println("sio-doctor diff: what differs between the working and the failing capture");
    out.println("  working: " + String.join(", ", d.working().inputs()) + " -> " + verdict(d.working()));
    out.println("  failing: " + String.join(", ", d.failing().inputs()) + " -> " + verdict(d.failing()));
    out.println();
    if (d.differences().isEmpty()) {
      out.println("No difference that matters for Socket.IO.");
    }
    for (CaptureDiff.Difference x : d.differences()) {
      out.println(x.rank() + ". " + x.title() + (x.explains().isEmpty() ? "" : "  [explains " + String.join(", ", x.explains()) + "]"));
      out.println("   working: " + values(x.working()));
      out.println("   failing: " + values(x.failing()));
      evidence(out, "working", x.workingEvidence());
      evidence(out, "failing", x.failingEvidence());
      out.println();
    }
    if (!d.onlyInFailing().isEmpty()) {
      out.println("Causes only the failing capture shows:");
      for (CaptureDiff.CauseRef c : d.onlyInFailing()) {
        out.println("  " + c.rank() + ". " + c.id() + ": " + c.title());
      }
      out.println();
    }
    if (!d.same().isEmpty()) {
      out.println("Same in both: " + String.join(", ", d.same()) + ".");
    }
    out.flush();
  }

  private static String verdict(CaptureDiff.Side s) {
    return s.verdict() + (s.top().isEmpty() ? "" : " (top cause: " + s.top() + ")");
  }

  private static String values(List<String> v) {
    return v.isEmpty() ? "(nothing seen)" : String.join(" | ", v);
  }

  private static void evidence(PrintWriter out, String side, List<DiffEvidence> list) {
    for (DiffEvidence e : list.subList(0, Math.min(2, list.size()))) {
      out.println("     " + side + " evidence: " + e.file() + " " + e.location() + (e.time().isEmpty() ? "" : " " + e.time())
          + ": " + io.siodoctor.parsers.record.Excerpts.oneLine(e.excerpt(), 160));
    }
  }
}
