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
  private final String searchSection;

  /** @param search whether the server has an index: the page then shows the search box */
  UploadPage(long maxBytes, boolean search) {
    this.maxBytes = maxBytes;
    try (InputStream in = UploadPage.class.getResourceAsStream("upload.html")) {
      if (in == null) {
        throw new IllegalStateException("missing resource upload.html");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    searchSection = search ? SEARCH_SECTION : "";
  }

  /** The search box; results are rendered by the page's script with textContent only. */
  private static final String SEARCH_SECTION = """
      <section class="search" id="search">
      <h2>Search the index</h2>
      <form id="searchForm" action="/api/search" method="get" role="search">
        <div class="row">
          <input type="search" id="searchQuery" name="q" size="60" autocomplete="off" spellcheck="false"
                 placeholder="sid:Xy12 &#x2014; cause:sticky-session-missing AND node:node-b &#x2014; &quot;Session ID unknown&quot;"
                 aria-label="Lucene query">
          <input type="hidden" name="limit" value="100">
          <button type="submit" id="searchButton">Search</button>
          <span id="searchStatus"></span>
        </div>
      </form>
      <p class="note">Fields: time (range, e.g. time:[2026-11-24T02:00:00Z TO 2026-11-24T02:15:00Z]), file, node, sid, kind, status, cause, text (default). Text is redacted.</p>
      <p id="searchError" role="alert"></p>
      <div id="searchResults"></div>
      </section>
      """;

  void serve(Context ctx) {
    String nonce = Html.nonce();
    ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + nonce + "'; script-src 'nonce-" + nonce
        + "'; img-src data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(template.replace("{{nonce}}", nonce).replace("{{maxBytes}}", Long.toString(maxBytes))
        .replace("{{search}}", searchSection)
        .replace("{{maxMb}}", Long.toString(maxBytes / (1024 * 1024))));
  }
}
