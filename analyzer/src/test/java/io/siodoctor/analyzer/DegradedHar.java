package io.siodoctor.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * A recorded HAR rewritten the way real exporters and sanitizers degrade it, so that the
 * end-to-end suite can check what the analyzer makes of what remains. Each variant removes exactly
 * what the named exporter removes; everything else (statuses, URLs, timings, sizes, MIME types,
 * errors) stays byte-for-byte as recorded.
 */
enum DegradedHar {
  /** Chrome's "Export HAR (sanitized)": no cookies, no {@code Cookie}/{@code Set-Cookie}/{@code Authorization}. */
  NO_COOKIES_AUTH("no-cookies-auth"),
  /** Exported without content (Playwright {@code content: 'omit'}, body-stripping sanitizers): no response bodies. */
  NO_BODIES("no-bodies"),
  /** An exporter that keeps no WebSocket messages (Firefox, Playwright, mitmproxy, Safari). */
  NO_FRAMES("no-frames"),
  /** All three at once: what a sanitized, body-less export of a non-Chromium browser holds. */
  STRIPPED("stripped");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SECRET_HEADERS = Set.of("cookie", "set-cookie", "authorization");

  final String id;

  DegradedHar(String id) {
    this.id = id;
  }

  /** Writes {@code har} degraded to {@code dir}/{@code har}'s file name (evidence keeps the same file name). */
  Path write(Path har, Path dir) throws IOException {
    JsonNode root = JSON.readTree(har.toFile());
    for (JsonNode entry : root.path("log").path("entries")) {
      if (entry instanceof ObjectNode e) {
        degrade(e);
      }
    }
    Path out = dir.resolve(har.getFileName().toString());
    JSON.writeValue(out.toFile(), root);
    return out;
  }

  private void degrade(ObjectNode entry) {
    boolean secrets = this == NO_COOKIES_AUTH || this == STRIPPED;
    boolean bodies = this == NO_BODIES || this == STRIPPED;
    boolean frames = this == NO_FRAMES || this == STRIPPED;
    if (secrets) {
      for (String side : new String[] {"request", "response"}) {
        if (entry.get(side) instanceof ObjectNode o) {
          o.set("cookies", JSON.createArrayNode());
          if (o.get("headers") instanceof ArrayNode headers) {
            for (Iterator<JsonNode> it = headers.elements(); it.hasNext(); ) {
              String name = it.next().path("name").asText("").toLowerCase(Locale.ROOT);
              if (SECRET_HEADERS.contains(name)) {
                it.remove();
              }
            }
          }
        }
      }
    }
    if (bodies && entry.path("response").get("content") instanceof ObjectNode content) {
      content.remove("text");
      content.remove("encoding");
    }
    if (frames) {
      entry.remove("_webSocketMessages");
    }
  }
}
