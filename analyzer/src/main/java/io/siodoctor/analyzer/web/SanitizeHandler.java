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
 * and counts the redactions; the second pass streams into the response. Each pass has the time
 * limit ({@code serve --sanitize-timeout}); a first pass over it is answered 503. No copy is
 * stored; the upload is deleted before the response ends.
 */
final class SanitizeHandler {
  private final long timeoutMs;

  SanitizeHandler(long timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  void handle(Context ctx) throws IOException {
    try (Uploads uploads = Uploads.of(ctx)) {
      Part har = null;
      Redactions counts = null;
      String firstProblem = null;
      long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
      for (Part p : uploads.parts()) {
        try (InputStream in = p.getInputStream()) {
          counts = sanitizer().sanitize(in, OutputStream.nullOutputStream(), deadline);
          har = p;
          break;
        } catch (HarSanitizer.TimeLimitException e) {
          throw new WebError(503, "sanitizing took longer than " + Math.max(1, timeoutMs / 1000)
              + " s; for files this large run: sio-doctor sanitize FILE -o OUT.har");
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
        // the same work as the first pass, so the same limit again; over it, the response is cut off
        sanitizer().sanitize(in, out, System.nanoTime() + timeoutMs * 1_000_000L);
      }
      out.flush();
    }
  }

  private static HarSanitizer sanitizer() {
    return new HarSanitizer(RedactionPolicy.defaults());
  }
}
