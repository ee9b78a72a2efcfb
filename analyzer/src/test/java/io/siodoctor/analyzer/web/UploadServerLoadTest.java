package io.siodoctor.analyzer.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.analyzer.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's load: 200 uploads of a real sample HAR from 8 clients at once, with the server's
 * default options ({@code --max-concurrent} = the number of cores), while hostile HARs (a 2 MB
 * header of letters and digits, thousand-character quoted values) are being sanitized over and
 * over. Every upload is answered 200 (the excess waits in the queue, none is refused) and {@code
 * /healthz} answers throughout. Prints p50/p95 for the README.
 */
class UploadServerLoadTest {
  private static final int UPLOADS = 200;
  private static final int CLIENTS = 8;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  static byte[] hostileHar() {
    StringBuilder sb = new StringBuilder("{\"log\":{\"version\":\"1.2\",\"entries\":[");
    sb.append("{\"startedDateTime\":\"2026-11-26T03:30:33.054Z\",\"time\":1,\"request\":{\"method\":\"GET\",")
        .append("\"url\":\"http://127.0.0.1:3000/socket.io/?EIO=4&transport=polling\",\"headers\":[")
        .append("{\"name\":\"x-data\",\"value\":\"").append("a1B2c3".repeat(350_000)).append("\"},")
        .append("{\"name\":\"x-script\",\"value\":\"");
    for (int i = 0; i < 200; i++) {
      sb.append("var v").append(i).append(" = '").append("z".repeat(1_000)).append("'; ");
    }
    sb.append("\"}],\"cookies\":[]},\"response\":{\"status\":200,\"headers\":[],\"content\":{\"size\":2,")
        .append("\"mimeType\":\"text/plain\",\"text\":\"ok\"}},\"cache\":{},\"timings\":{}}]}}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void twoHundredUploadsAtConcurrencyEightAreAllAnswered() throws Exception {
    byte[] sample = java.nio.file.Files.readAllBytes(Fixtures.sampleHar("auth-rejected--middleware"));
    Multipart upload = new Multipart().file("file", "capture.har", sample);
    Multipart hostile = new Multipart().file("file", "hostile.har", hostileHar());
    try (UploadServer server = UploadServer.start(ServerOptions.defaults().withPort(0))) {
      AtomicBoolean loading = new AtomicBoolean(true);
      AtomicInteger sanitized = new AtomicInteger();
      AtomicInteger healthy = new AtomicInteger();
      List<Integer> sideStatuses = Collections.synchronizedList(new ArrayList<>());
      ExecutorService side = Executors.newFixedThreadPool(2);
      Future<?> sanitizing = side.submit(() -> {
        while (loading.get()) {
          HttpResponse<String> r = send(server, "api/sanitize", hostile);
          sideStatuses.add(r.statusCode());
          sanitized.incrementAndGet();
        }
        return null;
      });
      Future<?> health = side.submit(() -> {
        while (loading.get()) {
          HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "healthz"))
              .timeout(Duration.ofSeconds(5)).build(), BodyHandlers.ofString());
          sideStatuses.add(r.statusCode());
          healthy.incrementAndGet();
          Thread.sleep(200);
        }
        return null;
      });
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<long[]>> results = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < UPLOADS; i++) {
        results.add(clients.submit(() -> {
          long t0 = System.nanoTime();
          HttpResponse<String> r = send(server, "api/analyze", upload);
          return new long[] {r.statusCode(), (System.nanoTime() - t0) / 1_000_000};
        }));
      }
      List<Long> millis = new ArrayList<>();
      List<Long> statuses = new ArrayList<>();
      for (Future<long[]> f : results) {
        long[] r = f.get();
        statuses.add(r[0]);
        millis.add(r[1]);
      }
      long wall = (System.nanoTime() - start) / 1_000_000;
      loading.set(false);
      sanitizing.get();
      health.get();
      clients.shutdown();
      side.shutdown();
      Collections.sort(millis);
      System.out.printf("load: %d uploads, %d clients, max-concurrent %d: p50 %d ms, p95 %d ms, max %d ms, "
              + "%d s in all; %d hostile sanitizations, %d health checks alongside%n",
          UPLOADS, CLIENTS, Runtime.getRuntime().availableProcessors(), millis.get(UPLOADS / 2),
          millis.get(UPLOADS * 95 / 100), millis.get(UPLOADS - 1), wall / 1000, sanitized.get(), healthy.get());
      assertThat(statuses).hasSize(UPLOADS).containsOnly(200L);
      assertThat(sanitized.get()).isPositive();
      assertThat(healthy.get()).isPositive();
      assertThat(sideStatuses).containsOnly(200);
    }
  }

  private static HttpResponse<String> send(UploadServer server, String path, Multipart body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(120))
        .header("Content-Type", body.contentType()).POST(BodyPublishers.ofByteArray(body.bytes())).build(),
        BodyHandlers.ofString());
  }
}
