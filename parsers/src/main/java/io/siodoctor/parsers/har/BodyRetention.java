package io.siodoctor.parsers.har;

import com.fasterxml.jackson.databind.JsonNode;
import io.siodoctor.parsers.engineio.PacketDecoder;
import java.util.Locale;

/**
 * Which bodies a HAR record keeps when the sink reads no other bodies ({@code
 * ReadSet.readsOtherBodies}): decided per entry from the members read before the body, so that a
 * skipped body is never made into a {@code String}. Kept: Engine.IO traffic (every rule that reads
 * a body reads these: packets, error bodies, HTML answers to a Socket.IO URL), HTML and page
 * documents (a page's {@code <meta>} Content-Security-Policy, its title in evidence), and any body
 * whose entry is not known yet at that point (a request written after its response). Skipped:
 * everything else a page loads (scripts, styles, images, fonts, API calls, preflights), which is
 * most of a real export's bytes.
 */
final class BodyRetention {
  private BodyRetention() {}

  /** Whether the request's body is kept; {@code request} holds the members read so far. */
  static boolean keepsRequestBody(JsonNode request) {
    JsonNode url = request.path("url");
    return !url.isTextual() || PacketDecoder.parseQuery(url.asText()) != null;
  }

  /**
   * Whether the response's body is kept.
   *
   * @param response the response's members read so far
   * @param content the content's members read so far
   */
  static boolean keepsResponseBody(RawEntry entry, JsonNode response, JsonNode content) {
    JsonNode url = entry.request.path("url");
    if (!url.isTextual() || PacketDecoder.parseQuery(url.asText()) != null) {
      return true;
    }
    if ("document".equals(entry.resourceType)) {
      return true;
    }
    String mime = content.path("mimeType").isTextual() ? content.path("mimeType").asText() : "";
    if (mime.isBlank()) {
      if (!response.has("headers")) {
        return true;
      }
      mime = contentType(response.path("headers"));
    }
    String lower = mime.toLowerCase(Locale.ROOT);
    return lower.contains("html") || lower.contains("xml");
  }

  private static String contentType(JsonNode headers) {
    for (JsonNode h : headers) {
      JsonNode name = h.path("name");
      if (name.isTextual() && name.asText().equalsIgnoreCase("content-type")) {
        return h.path("value").isTextual() ? h.path("value").asText() : "";
      }
    }
    return "";
  }
}
