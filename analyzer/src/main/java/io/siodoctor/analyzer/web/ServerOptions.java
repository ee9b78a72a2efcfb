package io.siodoctor.analyzer.web;

import java.nio.file.Path;

/**
 * How the upload server runs.
 *
 * @param port 0 picks a free port (tests)
 * @param maxUploadBytes the largest request accepted; larger ones get 413
 * @param maxConcurrentAnalyses analyses running at once; more get 503 (each holds a HAR's worth of records)
 * @param idleTimeoutMs a connection that sends nothing this long is closed (slow-client protection)
 * @param analysisTimeoutMs an analysis still running after this long is answered 503; its slot stays
 *     taken until it really ends, so the bound on concurrent analyses holds
 * @param index a Lucene index written by {@code index}/{@code scan --index}: the page gets a search box
 *     and {@code GET /api/search} answers; {@code null} for none
 */
public record ServerOptions(String host, int port, long maxUploadBytes, int maxConcurrentAnalyses, long idleTimeoutMs,
    long analysisTimeoutMs, Path index) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_MAX_UPLOAD_MB = 200;

  public static ServerOptions defaults() {
    return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_UPLOAD_MB * 1024L * 1024L,
        Math.max(1, Runtime.getRuntime().availableProcessors()), 60_000, 180_000, null);
  }

  public ServerOptions withPort(int p) {
    return new ServerOptions(host, p, maxUploadBytes, maxConcurrentAnalyses, idleTimeoutMs, analysisTimeoutMs, index);
  }

  public ServerOptions withHost(String h) {
    return new ServerOptions(h, port, maxUploadBytes, maxConcurrentAnalyses, idleTimeoutMs, analysisTimeoutMs, index);
  }

  public ServerOptions withMaxUploadBytes(long b) {
    return new ServerOptions(host, port, b, maxConcurrentAnalyses, idleTimeoutMs, analysisTimeoutMs, index);
  }

  public ServerOptions withMaxConcurrentAnalyses(int n) {
    return new ServerOptions(host, port, maxUploadBytes, n, idleTimeoutMs, analysisTimeoutMs, index);
  }

  public ServerOptions withAnalysisTimeoutMs(long ms) {
    return new ServerOptions(host, port, maxUploadBytes, maxConcurrentAnalyses, idleTimeoutMs, ms, index);
  }

  public ServerOptions withIndex(Path dir) {
    return new ServerOptions(host, port, maxUploadBytes, maxConcurrentAnalyses, idleTimeoutMs, analysisTimeoutMs, dir);
  }

  public long maxUploadMb() {
    return maxUploadBytes / (1024L * 1024L);
  }
}
