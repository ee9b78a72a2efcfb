package io.siodoctor.analyzer.web;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.siodoctor.analyzer.Analysis;
import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.diff.CaptureDiff;
import io.siodoctor.analyzer.diff.DiffHtml;
import io.siodoctor.analyzer.diff.DiffJson;
import io.siodoctor.analyzer.index.LiveEventSearcher;
import io.siodoctor.analyzer.render.Html;
import io.siodoctor.analyzer.render.HtmlRenderer;
import io.siodoctor.analyzer.render.Redactable;
import io.siodoctor.analyzer.render.Redaction;
import io.siodoctor.analyzer.render.Renderer;
import io.siodoctor.analyzer.render.JsonRenderer;
import io.siodoctor.parsers.InputSummary;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;

/**
 * The support desk's web page ({@code sio-doctor serve}): upload a HAR and logs, get the HTML or JSON
 * report, or a sanitized HAR; with an index ({@code serve --index DIR}) also search the indexed events.
 * Reports and search results are always redacted. Uploads live in memory or in Jetty's
 * temporary files only for the request; a bounded number of analyses run at once; oversized uploads
 * get 413 and junk gets 400, with a one-line message.
 */
public final class UploadServer implements AutoCloseable {
  static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
  /** An HTML error page: no style, no script. */
  static final String ERROR_PAGE_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** The report page: its one style and one script carry the page's nonce; nothing inline runs without it. */
  static String reportCsp(String nonce) {
    return "default-src 'none'; style-src 'nonce-" + nonce + "'; script-src 'nonce-" + nonce + "'; "
        + "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  private final ServerOptions options;
  private final Analyzer analyzer;
  private final AnalysisSlots slots;
  private final UploadPage page;
  private final SanitizeHandler sanitize;
  private final LiveEventSearcher index;
  private final SearchHandler search;
  private final Path spool;
  private final ExecutorService workers;
  private Javalin app;

  private UploadServer(ServerOptions options, Analyzer analyzer) throws IOException {
    this.options = options;
    this.analyzer = analyzer;
    this.slots = new AnalysisSlots(options.maxConcurrentAnalyses(), options.maxQueued());
    // the index first: a missing one fails the start before anything else is created
    this.index = options.index() == null ? null : LiveEventSearcher.open(options.index());
    this.search = new SearchHandler(index);
    this.page = new UploadPage(options.maxUploadBytes(), search.enabled());
    this.sanitize = new SanitizeHandler(options.sanitizeTimeoutMs());
    this.workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "sio-doctor-analysis");
      t.setDaemon(true);
      return t;
    });
    // a private directory for Jetty's spilled parts, so nothing lands in a shared temp dir under a guessable name
    this.spool = Files.createTempDirectory("sio-doctor-uploads-");
    this.spool.toFile().deleteOnExit();
  }

  public static UploadServer start(ServerOptions options) throws IOException {
    return start(options, Analyzer.builtIn());
  }

  public static UploadServer start(ServerOptions options, Analyzer analyzer) throws IOException {
    UploadServer server = new UploadServer(options, analyzer);
    try {
      server.app = server.create().start(options.host(), options.port());
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    for (Connector c : server.app.jettyServer().server().getConnectors()) {
      if (c instanceof AbstractConnector ac) {
        ac.setIdleTimeout(options.idleTimeoutMs());
      }
    }
    return server;
  }

  public int port() {
    return app.port();
  }

  public String url() {
    return "http://" + (options.host().contains(":") ? "[" + options.host() + "]" : options.host()) + ":" + port() + "/";
  }

  AnalysisSlots slots() {
    return slots;
  }

  /** Where Jetty spills large parts; empty between requests. */
  Path spool() {
    return spool;
  }

  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
    workers.shutdownNow();
    if (index != null) {
      try {
        index.close();
      } catch (IOException e) {
        // read-only: nothing is lost
      }
    }
    try {
      Files.deleteIfExists(spool);
    } catch (IOException e) {
      // not empty means Jetty still holds a part of an aborted request; deleteOnExit covers it
    }
  }

  private Javalin create() {
    long max = options.maxUploadBytes();
    return Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.http.maxRequestSize = max;
      cfg.jetty.multipartConfig.maxFileSize(max, SizeUnit.BYTES);
      cfg.jetty.multipartConfig.maxTotalRequestSize(max, SizeUnit.BYTES);
      // larger parts spill to the private spool directory, so concurrent big uploads do not fill the heap
      cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
      cfg.jetty.multipartConfig.cacheDirectory(spool.toString());
      cfg.routes.before(this::commonHeaders);
      cfg.routes.get("/", ctx -> page.serve(ctx));
      cfg.routes.get("/healthz", ctx -> ctx.contentType("text/plain; charset=utf-8").result("ok"));
      cfg.routes.get("/api/search", search::handle);
      cfg.routes.post("/analyze", ctx -> analyze(ctx, true));
      cfg.routes.post("/api/analyze", ctx -> analyze(ctx, false));
      cfg.routes.post("/compare", ctx -> compare(ctx, true));
      cfg.routes.post("/api/diff", ctx -> compare(ctx, false));
      cfg.routes.post("/api/sanitize", ctx -> {
        try (AnalysisSlots.Slot slot = slots.acquire(options.sanitizeTimeoutMs())) {
          sanitize.handle(ctx);
        }
      });
      cfg.routes.exception(WebError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
      cfg.routes.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
      cfg.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          error(ctx, 404, "no such page: " + ctx.method() + " " + ctx.path());
        }
      });
    });
  }

  /** Every answer: no sniffing, no framing, no caching, no referrer; POSTs checked against the size limit first. */
  private void commonHeaders(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    ctx.header("Content-Security-Policy", API_CSP);
    long length = ctx.req().getContentLengthLong();
    if ("POST".equals(ctx.method().name()) && length > options.maxUploadBytes()) {
      throw tooLarge(length);
    }
  }

  private WebError tooLarge(long length) {
    return new WebError(413, "upload too large" + (length > 0 ? " (" + mb(length) + " MB)" : "")
        + ": this server accepts at most " + options.maxUploadMb() + " MB per request (serve --max-upload-mb)");
  }

  private void analyze(Context ctx, boolean html) throws IOException {
    Analysis analysis;
    try (Uploads uploads = Uploads.of(ctx)) {
      analysis = runBounded(uploads, html);
    } // the uploads are deleted here, before a byte of the answer is written
    if (analysis.report().inputs().stream().noneMatch(InputSummary::readable)) {
      throw new WebError(400, analysis.report().inputs().stream().map(InputSummary::error)
          .collect(Collectors.joining("; ")));
    }
    answer(ctx, analysis, html, HtmlRenderer::new, new JsonRenderer());
  }

  /** {@code POST /compare} (HTML) and {@code POST /api/diff} (JSON): fields {@code working}, {@code failing}, {@code logs}. */
  private void compare(Context ctx, boolean html) throws IOException {
    CaptureDiff diff;
    try (Uploads uploads = Uploads.of(ctx, CompareFields.WORKING, CompareFields.FAILING, CompareFields.LOGS)) {
      diff = runBounded(() -> CompareFields.diff(analyzer, uploads));
    } // deleted before the answer is written, as for analyses
    answer(ctx, diff, html, DiffHtml::new, new DiffJson());
  }

  /**
   * Writes one result as the answer, through the output boundary (always masked: the server has no
   * {@code --show-secrets}): a page made with a fresh nonce, sent in its CSP header, or JSON.
   */
  private static <R extends Redactable<R>> void answer(Context ctx, R result, boolean html,
      Function<String, Renderer<R>> pageWithNonce, Renderer<R> json) throws IOException {
    StringWriter out = new StringWriter();
    if (html) {
      String nonce = Html.nonce();
      Redaction.MASKED.render(pageWithNonce.apply(nonce), result, out);
      ctx.header("Content-Security-Policy", reportCsp(nonce));
      ctx.contentType("text/html; charset=utf-8");
    } else {
      Redaction.MASKED.render(json, result, out);
      ctx.contentType("application/json; charset=utf-8");
    }
    ctx.result(out.toString());
  }

  /**
   * Runs one analysis in a slot, on a worker, waiting at most the analysis timeout. A late analysis
   * keeps its slot until it ends (the bound is on work, not on waiting requests); its inputs are
   * deleted when this request ends, which cuts it short.
   */
  private Analysis runBounded(Uploads uploads, boolean html) {
    return runBounded(() -> {
      Analysis analysis = analyzer.analyze(uploads.sources());
      return html ? analysis.built() : analysis; // the page shows the timeline: built inside the time bound
    });
  }

  /** {@link #runBounded(Uploads, boolean)} for any job over uploads: an analysis, or a diff of two. */
  private <T> T runBounded(java.util.function.Supplier<T> job) {
    AnalysisSlots.Slot slot = slots.acquire(options.analysisTimeoutMs());
    CompletableFuture<T> work = CompletableFuture.supplyAsync(() -> {
      try {
        return job.get();
      } finally {
        slot.close();
      }
    }, workers);
    try {
      return work.get(options.analysisTimeoutMs(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new WebError(503, "the analysis took longer than " + options.analysisTimeoutMs() / 1000
          + " s; for inputs this large run: sio-doctor analyze FILE...");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebError(503, "the server is stopping");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof WebError we) {
        throw we; // the job's own answer for bad input (400)
      }
      throw new WebError(500, "internal error: " + cause); // masked by error(), as every answer
    }
  }

  private void unexpected(Context ctx, Exception e) {
    // Jetty reports a body over the multipart limits as an exception deep in the cause chain, not as a status
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      String form = FormLimits.explain(t.getMessage());
      if (form != null) {
        error(ctx, 413, form);
        return;
      }
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("max length exceeded") || m.contains("exceeds max") || m.contains("too large")) {
        error(ctx, 413, tooLarge(-1).getMessage());
        return;
      }
      root = t;
    }
    if (e instanceof IOException || e instanceof jakarta.servlet.ServletException || e instanceof IllegalStateException) {
      error(ctx, 400, "unreadable upload: " + root.getMessage());
    } else {
      error(ctx, 500, "internal error: " + e);
    }
  }

  static void error(Context ctx, int status, String message) {
    ctx.status(status);
    ctx.header("Content-Security-Policy", API_CSP);
    if (status == 503) {
      ctx.header("Retry-After", "5");
    }
    String m = Redaction.MASKED.message(message == null ? "error" : message);
    if (ctx.path().startsWith("/api/") || !acceptsHtml(ctx)) {
      ctx.contentType("application/json; charset=utf-8");
      ctx.result("{\"error\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(m)) + "\"}");
    } else {
      ctx.contentType("text/html; charset=utf-8");
      ctx.header("Content-Security-Policy", ERROR_PAGE_CSP);
      ctx.result("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>sio-doctor: error " + status
          + "</title></head><body><h1>Error " + status + "</h1><p id=\"error\">" + Html.escape(m)
          + "</p><p><a href=\"/\">Back to the upload page</a></p></body></html>");
    }
  }

  private static boolean acceptsHtml(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/html");
  }

  private static long mb(long bytes) {
    return (bytes + 1024 * 1024 - 1) / (1024 * 1024);
  }
}
