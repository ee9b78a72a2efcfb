package io.siodoctor.analyzer.render;

import io.siodoctor.analyzer.Analysis;
import io.siodoctor.analyzer.Tool;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;

/**
 * One self-contained HTML page from {@code report.jte}: the answer first (top cause, its fix, the
 * most decisive evidence), the other causes as cards, the timeline, the request list with filters,
 * then the details. No external load of any kind; a Content-Security-Policy with a fresh nonce
 * allows only the page's own style and script. Evidence, cards and rows expand with
 * {@code <details>} and marks are links, so the report reads fine with scripts off.
 */
public final class HtmlRenderer implements ReportRenderer {
  /** The {@code --format} value. */
  public static final String NAME = "html";
  private final Clock clock;
  private final String nonce;

  /** A page with a fresh nonce of its own. */
  public HtmlRenderer() {
    this(Clock.systemUTC(), null);
  }

  /**
   * @param nonce the page's CSP nonce, on its one {@code <style>} and its script: a server sending the
   *     page sends the same nonce in its {@code Content-Security-Policy} header, so no
   *     {@code 'unsafe-inline'} is needed (and no {@code style="..."} attribute appears)
   */
  public HtmlRenderer(String nonce) {
    this(Clock.systemUTC(), nonce);
  }

  HtmlRenderer(Clock clock, String nonce) {
    this.clock = clock;
    this.nonce = nonce;
  }

  @Override
  public void render(Analysis analysis, Writer out) throws IOException {
    ReportView view = ReportView.of(analysis, nonce == null ? Html.nonce() : nonce, Templates.REPORT_CSS,
        Templates.REPORT_JS, Tool.VERSION, Instant.now(clock), Html.scriptJson(json(analysis)));
    Templates.render("report.jte", view, out);
    out.flush();
  }

  /** The JSON report travels inside the page, so the download button works offline and from a saved file. */
  private static String json(Analysis analysis) {
    StringWriter json = new StringWriter();
    try {
      new JsonRenderer().render(analysis, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return json.toString();
  }
}
