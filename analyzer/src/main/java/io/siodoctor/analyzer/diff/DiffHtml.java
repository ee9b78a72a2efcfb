package io.siodoctor.analyzer.diff;

import io.siodoctor.analyzer.Tool;
import io.siodoctor.analyzer.render.Html;
import io.siodoctor.analyzer.render.Templates;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@code diff --format html} and {@code POST /compare}: {@code diff.jte}, self-contained, nonce'd style. */
public final class DiffHtml {
  private DiffHtml() {}

  public static void write(CaptureDiff d, Writer out) {
    write(d, out, Html.nonce());
  }

  /** @param nonce the page's CSP nonce (a server sends the same one in its header) */
  public static void write(CaptureDiff d, Writer out, String nonce) {
    Templates.render("diff.jte", new DiffView(d, nonce, Templates.REPORT_CSS, Tool.VERSION,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()), out);
  }
}
