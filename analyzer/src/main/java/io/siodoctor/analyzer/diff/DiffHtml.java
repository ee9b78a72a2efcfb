package io.siodoctor.analyzer.diff;

import io.siodoctor.analyzer.cli.Main;
import io.siodoctor.analyzer.render.Html;
import io.siodoctor.analyzer.render.Templates;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@code diff --format html} and {@code POST /compare}: {@code diff.jte}, self-contained, nonce'd style. */
public final class DiffHtml {
  private DiffHtml() {}

  public static void write(CaptureDiff d, Writer out) {
    Templates.render("diff.jte", new DiffView(d, Html.nonce(), Templates.REPORT_CSS, Main.VERSION,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()), out);
  }
}
