package io.siodoctor.analyzer.web;

import io.javalin.http.Context;
import io.siodoctor.analyzer.render.Html;
import io.siodoctor.analyzer.render.Templates;
import java.io.StringWriter;

/**
 * {@code GET /}: the upload page ({@code upload.jte}), with a fresh CSP nonce for its style and
 * script on every request. It carries the report's style and behaviour script, because it shows
 * reports inline (their own scripts do not run there), and the compare form ({@code POST /compare}).
 */
final class UploadPage {
  private final long maxBytes;
  private final boolean search;

  /** @param search whether the server has an index: the page then shows the search box */
  UploadPage(long maxBytes, boolean search) {
    this.maxBytes = maxBytes;
    this.search = search;
  }

  void serve(Context ctx) {
    String nonce = Html.nonce();
    ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + nonce + "'; script-src 'nonce-" + nonce
        + "'; img-src data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    ctx.contentType("text/html; charset=utf-8");
    StringWriter out = new StringWriter();
    Templates.render("upload.jte", new UploadPageView(nonce, maxBytes, maxBytes / (1024 * 1024), search, Templates.REPORT_CSS,
        Templates.REPORT_JS), out);
    ctx.result(out.toString());
  }
}
