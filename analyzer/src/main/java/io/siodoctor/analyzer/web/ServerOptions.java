package io.siodoctor.analyzer.web;

import java.nio.file.Path;

/**
 * How the upload server runs.
 *
 * @param port 0 picks a free port (tests)
 * @param maxUploadBytes the largest request accepted; larger ones get 413
 * @param maxConcurrentAnalyses analyses and sanitizations running at once (each holds a HAR's worth of
 *     records); more wait in a queue
 * @param maxQueued requests waiting for a slot at most; beyond that, 503 with Retry-After
 * @param idleTimeoutMs a connection that sends nothing this long is closed (slow-client protection)
 * @param analysisTimeoutMs an analysis still running after this long is answered 503; its slot stays
 *     taken until it really ends, so the bound on concurrent analyses holds
 * @param sanitizeTimeoutMs sanitizing one upload stops after this long (503), like an analysis
 * @param index a Lucene index written by {@code index}/{@code scan --index}: the page gets a search box
 *     and {@code GET /api/search} answers; {@code null} for none
 */
public record ServerOptions(String host, int port, long maxUploadBytes, int maxConcurrentAnalyses, int maxQueued,
    long idleTimeoutMs, long analysisTimeoutMs, long sanitizeTimeoutMs, Path index) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_MAX_UPLOAD_MB = 200;
  /** Enough for a support team's burst (200 uploads from 8 clients at once are all served), small enough to bound memory. */
  public static final int DEFAULT_MAX_QUEUED = 64;

  public static ServerOptions defaults() {
    return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_UPLOAD_MB * 1024L * 1024L,
        Math.max(1, Runtime.getRuntime().availableProcessors()), DEFAULT_MAX_QUEUED, 60_000, 180_000, 60_000, null);
  }

  public ServerOptions withPort(int p) {
    return new ServerOptions(host, p, maxUploadBytes, maxConcurrentAnalyses, maxQueued, idleTimeoutMs, analysisTimeoutMs, sanitizeTimeoutMs, index);
  }

  public ServerOptions withHost(String h) {
    return new ServerOptions(h, port, maxUploadBytes, maxConcurrentAnalyses, maxQueued, idleTimeoutMs, analysisTimeoutMs, sanitizeTimeoutMs, index);
  }

  public ServerOptions withMaxUploadBytes(long b) {
    return new ServerOptions(host, port, b, maxConcurrentAnalyses, maxQueued, idleTimeoutMs, analysisTimeoutMs, sanitizeTimeoutMs, index);
  }

  public ServerOptions withMaxConcurrentAnalyses(int n) {
    return new ServerOptions(host, port, maxUploadBytes, n, maxQueued, idleTimeoutMs, analysisTimeoutMs, sanitizeTimeoutMs, index);
  }

  public ServerOptions withMaxQueued(int n) {
    return new ServerOptions(host, port, maxUploadBytes, maxConcurrentAnalyses, n, idleTimeoutMs, analysisTimeoutMs, sanitizeTimeoutMs, index);
  }

  public ServerOptions withAnalysisTimeoutMs(long ms) {
    return new ServerOptions(host, port, maxUploadBytes, maxConcurrentAnalyses, maxQueued, idleTimeoutMs, ms, sanitizeTimeoutMs, index);
  }

  public ServerOptions withSanitizeTimeoutMs(long ms) {
    return new ServerOptions(host, port, maxUploadBytes, maxConcurrentAnalyses, maxQueued, idleTimeoutMs, analysisTimeoutMs, ms, index);
  }

  public ServerOptions withIndex(Path dir) {
    return new ServerOptions(host, port, maxUploadBytes, maxConcurrentAnalyses, maxQueued, idleTimeoutMs, analysisTimeoutMs, sanitizeTimeoutMs, dir);
  }

  public long maxUploadMb() {
    return maxUploadBytes / (1024L * 1024L);
  }
}
