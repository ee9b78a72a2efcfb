package io.siodoctor.analyzer.web;

import io.javalin.http.Context;
import io.siodoctor.analyzer.sanitize.HarSanitizer;
import io.siodoctor.parsers.redact.RedactionPolicy;
import io.siodoctor.parsers.redact.Redactions;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@code POST /api/sanitize}: the first uploaded HAR, sanitized, as a download. A first pass into
 * nothing checks the file is a HAR (so a junk upload still gets a clean 400, not half a response)
 * and counts the redactions; the second pass streams into the response. No copy is stored; the
 * upload is deleted before the response ends.
 */
final class SanitizeHandler {

  void handle(Context ctx) throws IOException {
    try (Uploads uploads = Uploads.of(ctx)) {
      Part har = null;
      Redactions counts = null;
      String firstProblem = null;
      for (Part p : uploads.parts()) {
        try (InputStream in = p.getInputStream()) {
          counts = sanitizer().sanitize(in, OutputStream.nullOutputStream());
          har = p;
          break;
        } catch (HarSanitizer.NotAHarException e) {
          if (firstProblem == null) {
            firstProblem = Uploads.baseName(p.getSubmittedFileName()) + ": " + e.getMessage();
          }
        }
      }
      if (har == null) {
        throw new WebError(400, firstProblem == null ? "no HAR uploaded" : firstProblem);
      }
      String name = Uploads.baseName(har.getSubmittedFileName()).replaceAll("[^A-Za-z0-9._-]", "_");
      ctx.status(200);
      ctx.contentType("application/json; charset=utf-8");
      ctx.header("Content-Disposition", "attachment; filename=\"sanitized-" + name + "\"");
      ctx.header("X-Sio-Doctor-Redactions", counts.summary());
      // the response stream is flushed, not closed: closing it would end the response before the
      // upload is deleted, and the client must never see an answer while its upload is still on disk
      OutputStream out = ctx.res().getOutputStream();
      try (InputStream in = har.getInputStream()) {
        sanitizer().sanitize(in, out);
      }
      out.flush();
    }
  }

  private static HarSanitizer sanitizer() {
    return new HarSanitizer(RedactionPolicy.defaults());
  }
}
