package io.siodoctor.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A recorded HAR rewritten the way real exporters and sanitizers degrade it, so that the
 * end-to-end suite can check what the analyzer makes of what remains. Each variant removes exactly
 * what the named exporter removes; everything else (statuses, URLs, timings, sizes, MIME types,
 * errors) stays byte-for-byte as recorded.
 */
enum DegradedHar {
  /** Chrome's "Export HAR (sanitized)": no cookies, no {@code Cookie}/{@code Set-Cookie}/{@code Authorization}. */
  NO_COOKIES_AUTH("no-cookies-auth", false),
  /** Exported without content (Playwright {@code content: 'omit'}, body-stripping sanitizers): no response bodies. */
  NO_BODIES("no-bodies", false),
  /** An exporter that keeps no WebSocket messages (Firefox, Playwright, mitmproxy, Safari). */
  NO_FRAMES("no-frames", false),
  /** All three at once: what a sanitized, body-less export of a non-Chromium browser holds. */
  STRIPPED("stripped", false),
  /** A sanitizer told to scrub every header: the {@code headers} arrays emptied (redirectURL stays). */
  HEADERS_DROPPED("headers-dropped", true),
  /**
   * Google's and Cloudflare's har-sanitizers with every header selected: each value replaced by
   * {@code [<name> redacted]}, the names kept.
   */
  HEADER_VALUES_REDACTED("header-values-redacted", true),
  /** A sanitizer that scrubs content: every response and request body replaced by {@code [REDACTED]}. */
  BODIES_REDACTED("bodies-redacted", true),
  /** A sanitizer that scrubs WebSocket messages too: each message's data replaced by {@code [REDACTED]}. */
  FRAME_DATA_REDACTED("frame-data-redacted", true),
  /**
   * DevTools opened after the page had connected (it records only while open): every entry before
   * the second Engine.IO request left out, so the first session's handshake is missing.
   */
  STARTED_LATE("started-late", true),
  /**
   * A sanitizer that treats the Engine.IO session id as a secret: every {@code sid} query value (URL
   * and {@code queryString}) replaced by {@code [REDACTED]}, the same placeholder in every request.
   */
  SID_REDACTED("sid-redacted", true),
  /** A sanitizer that scrubs all query arguments: each URL's query replaced by {@code ?[REDACTED]}. */
  QUERY_REDACTED("query-redacted", true),
  /**
   * Safari's Web Inspector export of the same traffic ({@link SafariHar}): failed and pending
   * requests left out, no WebSocket messages, no error members. Checked for wrong answers only: the
   * requests that show a connection failure may be the ones it leaves out.
   */
  SAFARI("safari", true);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SECRET_HEADERS = Set.of("cookie", "set-cookie", "authorization");

  final String id;
  /**
   * A rewrite that may hide the cause (a sanitizer's, a capture started late) rather than what an
   * exporter writes: checked by {@link SanitizedHarTest} for wrong answers only (no golden reports,
   * no expectations per capture).
   */
  final boolean sanitizer;

  DegradedHar(String id, boolean sanitizer) {
    this.id = id;
    this.sanitizer = sanitizer;
  }

  /** The exporters' degradations ({@link SampleCapturesTest}), or the sanitizers' ({@link SanitizedHarTest}). */
  static List<DegradedHar> of(boolean sanitizers) {
    return Stream.of(values()).filter(d -> d.sanitizer == sanitizers).toList();
  }

  /** Writes {@code har} degraded to {@code dir}/{@code har}'s file name (evidence keeps the same file name). */
  Path write(Path har, Path dir) throws IOException {
    JsonNode root = JSON.readTree(har.toFile());
    if (this == SAFARI && root instanceof ObjectNode whole) {
      SafariHar.rewrite(whole);
      Path out = dir.resolve(har.getFileName().toString());
      JSON.writeValue(out.toFile(), root);
      return out;
    }
    if (this == STARTED_LATE && root.path("log").get("entries") instanceof ArrayNode entries) {
      int engineIo = 0;
      while (entries.size() > 0 && engineIo < 2) {
        if (entries.get(0).path("request").path("url").asText("").contains("EIO=") && ++engineIo == 2) {
          break;
        }
        entries.remove(0);
      }
    }
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
    switch (this) {
      case HEADERS_DROPPED -> {
        for (String side : new String[] {"request", "response"}) {
          if (entry.get(side) instanceof ObjectNode o && o.has("headers")) {
            o.set("headers", JSON.createArrayNode());
          }
        }
      }
      case HEADER_VALUES_REDACTED -> {
        for (String side : new String[] {"request", "response"}) {
          for (JsonNode h : entry.path(side).path("headers")) {
            if (h instanceof ObjectNode header) {
              header.put("value", "[" + header.path("name").asText("") + " redacted]");
            }
          }
        }
      }
      case BODIES_REDACTED -> {
        if (entry.path("response").get("content") instanceof ObjectNode content && content.has("text")) {
          content.put("text", MARKER);
          content.remove("encoding");
        }
        if (entry.path("request").get("postData") instanceof ObjectNode post && post.has("text")) {
          post.put("text", MARKER);
        }
      }
      case FRAME_DATA_REDACTED -> {
        for (JsonNode m : entry.path("_webSocketMessages")) {
          if (m instanceof ObjectNode message && message.has("data")) {
            message.put("data", MARKER);
          }
        }
      }
      case SID_REDACTED, QUERY_REDACTED -> {
        if (entry.get("request") instanceof ObjectNode request) {
          request.put("url", this == SID_REDACTED ? sidRedacted(request.path("url").asText(""))
              : queryRedacted(request.path("url").asText("")));
          for (JsonNode q : request.path("queryString")) {
            if (q instanceof ObjectNode param && (this == QUERY_REDACTED || "sid".equals(param.path("name").asText()))) {
              param.put("value", MARKER);
            }
          }
        }
      }
      default -> {
        // the exporters' degradations above
      }
    }
  }

  private static final String MARKER = "[REDACTED]";

  /** {@code url} with the value of each {@code sid} query parameter replaced by the marker. */
  private static String sidRedacted(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    StringBuilder out = new StringBuilder(url.substring(0, q + 1));
    String[] pairs = url.substring(q + 1).split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      out.append(i == 0 ? "" : "&").append(pairs[i].startsWith("sid=") ? "sid=" + MARKER : pairs[i]);
    }
    return out.toString();
  }

  /** {@code url} with its whole query replaced by the marker. */
  private static String queryRedacted(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q + 1) + MARKER;
  }
}
