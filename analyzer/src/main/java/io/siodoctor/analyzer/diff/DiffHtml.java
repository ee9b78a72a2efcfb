package io.siodoctor.analyzer.diff;

import io.siodoctor.analyzer.Tool;
import io.siodoctor.analyzer.render.Html;
import io.siodoctor.analyzer.render.Renderer;
import io.siodoctor.analyzer.render.Templates;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** {@code diff --format html} and {@code POST /compare}: {@code diff.jte}, self-contained, nonce'd style. */
public final class DiffHtml implements Renderer<CaptureDiff> {
  /** The {@code --format} value. */
  public static final String NAME = "html";
  private final String nonce;

  /** A page with a fresh nonce of its own. */
  public DiffHtml() {
    this(null);
  }

  /** @param nonce the page's CSP nonce (a server sends the same one in its header) */
  public DiffHtml(String nonce) {
    this.nonce = nonce;
  }

  @Override
  public void render(CaptureDiff d, Writer out) {
    Templates.render("diff.jte", new DiffView(d, nonce == null ? Html.nonce() : nonce, Templates.REPORT_CSS,
        Tool.VERSION, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()), out);
  }
}
