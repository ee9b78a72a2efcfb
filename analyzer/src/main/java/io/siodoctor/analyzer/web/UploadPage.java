package io.siodoctor.analyzer.web;

import io.javalin.http.Context;
import io.siodoctor.analyzer.render.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /}: the upload page, with a fresh CSP nonce for its one script on every request. */
final class UploadPage {
  private final String template;
  private final long maxBytes;

  UploadPage(long maxBytes) {
    this.maxBytes = maxBytes;
    try (InputStream in = UploadPage.class.getResourceAsStream("upload.html")) {
      if (in == null) {
        throw new IllegalStateException("missing resource upload.html");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void serve(Context ctx) {
    String nonce = Html.nonce();
    ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-" + nonce
        + "'; img-src data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(template.replace("{{nonce}}", nonce).replace("{{maxBytes}}", Long.toString(maxBytes))
        .replace("{{maxMb}}", Long.toString(maxBytes / (1024 * 1024))));
  }
}
