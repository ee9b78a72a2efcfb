package io.siodoctor.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A recorded HAR rewritten into what Safari's Web Inspector ("Export" in the Network tab) writes for
 * the same traffic: WebKit's {@code Source/WebInspectorUI/UserInterface/Controllers/HARBuilder.js}
 * and the {@code _HARResources()} filter of {@code NetworkTableContentView.js}, as
 * {@code sample-captures/EXPORTERS.md} ("Safari") quotes them. Test code; the stand-in recordings
 * are made by {@code sample-captures/recorder/safari-har.js}, which applies the same rules.
 *
 * <ul>
 *   <li>only resources that <em>finished</em> are written: a request that failed (refused, reset,
 *       CORS-rejected, aborted: {@code markAsFailed} never sets {@code finished}) or was still
 *       waiting is left out; a WebSocket finishes at its handshake answer, or when it closed;
 *   <li>{@code creator} "WebKit Web Inspector", one page {@code page_0}, no {@code browser};
 *   <li>no {@code _resourceType}, {@code _initiator}, {@code _webSocketMessages}, {@code _error};
 *       {@code _fetchType}, {@code _priority} (lower case), {@code _serverPort}, {@code _transferSize};
 *   <li>a WebSocket's {@code time} is its handshake only; its content {@code x-unknown}, no text;
 *   <li>headers are a dictionary: a repeated name (two {@code Set-Cookie}) becomes one, values
 *       joined by ", "; an empty body has no {@code text}.
 * </ul>
 */
final class SafariHar {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SafariHar() {}

  /** Rewrites {@code root} (a whole HAR) in place. */
  static void rewrite(ObjectNode root) {
    if (!(root.get("log") instanceof ObjectNode log)) {
      return;
    }
    JsonNode entries = log.path("entries");
    ArrayNode out = JSON.createArrayNode();
    Map<String, Integer> connections = new HashMap<>();
    String firstDate = null;
    String title = null;
    for (JsonNode e : entries) {
      if (!(e instanceof ObjectNode entry) || !finished(entry)) {
        continue;
      }
      if (firstDate == null) {
        firstDate = entry.path("startedDateTime").asText("");
        title = entry.path("request").path("url").asText("");
      }
      out.add(entry(entry, connections));
    }
    ObjectNode creator = JSON.createObjectNode();
    creator.put("name", "WebKit Web Inspector");
    creator.put("version", "1.0");
    ObjectNode page = JSON.createObjectNode();
    JsonNode chromePage = log.path("pages").path(0);
    page.put("startedDateTime", chromePage.path("startedDateTime").asText(firstDate == null ? "" : firstDate));
    page.put("id", "page_0");
    page.put("title", title == null ? "" : title);
    page.set("pageTimings", JSON.createObjectNode());
    String version = log.path("version").asText("1.2");
    log.removeAll();
    log.put("version", version);
    log.set("creator", creator);
    log.set("pages", JSON.createArrayNode().add(page));
    log.set("entries", out);
  }

  /** Whether Web Inspector holds this request as finished (the only ones its export writes). */
  static boolean finished(JsonNode entry) {
    String url = entry.path("request").path("url").asText("");
    String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
    if (!(scheme.equals("http") || scheme.equals("https") || scheme.equals("ws") || scheme.equals("wss"))
        || entry.path("startedDateTime").asText("").isEmpty()) {
      return false;
    }
    if (webSocket(entry)) {
      return true; // finished at its handshake answer, or at its close when it got none
    }
    JsonNode res = entry.path("response");
    boolean error = res.path("_error").isTextual() && !res.path("_error").asText().isEmpty()
        || res.path("_failureText").isTextual();
    return res.path("status").asInt(0) > 0 && !error;
  }

  private static boolean webSocket(JsonNode entry) {
    String url = entry.path("request").path("url").asText("").toLowerCase(Locale.ROOT);
    return url.startsWith("ws:") || url.startsWith("wss:") || "websocket".equals(entry.path("_resourceType").asText())
        || entry.path("response").path("status").asInt(0) == 101;
  }

  private static ObjectNode entry(ObjectNode chrome, Map<String, Integer> connections) {
    boolean ws = webSocket(chrome);
    JsonNode req = chrome.path("request");
    JsonNode res = chrome.path("response");
    ObjectNode entry = JSON.createObjectNode();
    entry.put("pageref", "page_0");
    entry.put("startedDateTime", chrome.path("startedDateTime").asText());
    ObjectNode timings = JSON.createObjectNode();
    JsonNode t = chrome.path("timings");
    for (String part : new String[] {"blocked", "dns", "connect", "ssl"}) {
      timings.put(part, t.path(part).asDouble(-1) >= 0 ? t.path(part).asDouble() : -1);
    }
    for (String part : new String[] {"send", "wait", "receive"}) {
      timings.put(part, Math.max(0, t.path(part).asDouble(0)));
    }
    double time = Math.max(0, chrome.path("time").asDouble(0));
    if (ws) {
      // the resource finished when its handshake was answered: the rest of its life is not timed
      timings.put("receive", 0);
      time = 0;
      for (String part : new String[] {"blocked", "dns", "connect", "send", "wait"}) {
        time += Math.max(0, timings.path(part).asDouble());
      }
    }
    entry.put("time", time);
    entry.set("request", request(req, ws));
    entry.set("response", response(res, ws));
    entry.set("cache", JSON.createObjectNode());
    entry.set("timings", timings);
    String ip = chrome.path("serverIPAddress").asText("");
    if (!ws && !ip.isEmpty()) {
      entry.put("serverIPAddress", ip);
      int port = port(req.path("url").asText(""));
      if (port > 0) {
        entry.put("_serverPort", port);
      }
    }
    String connection = chrome.path("connection").asText("");
    if (!ws && !connection.isEmpty()) {
      // Resource.connectionIdentifierFromPayload: backend identifiers mapped to 1, 2, 3, ...
      entry.put("connection", String.valueOf(connections.computeIfAbsent(connection, c -> connections.size() + 1)));
    }
    if (!ws) {
      String cache = chrome.path("_fromCache").asText("");
      entry.put("_fetchType", cache.equals("memory") ? "Memory Cache" : cache.equals("disk") ? "Disk Cache"
          : "Network Load");
      String priority = chrome.path("_priority").asText("").toLowerCase(Locale.ROOT);
      if (!priority.isEmpty()) {
        entry.put("_priority", priority.endsWith("high") ? "high" : priority.endsWith("low") ? "low" : "medium");
      }
    }
    return entry;
  }

  private static ObjectNode request(JsonNode chrome, boolean ws) {
    ObjectNode r = JSON.createObjectNode();
    r.put("method", ws ? "GET" : chrome.path("method").asText(""));
    String url = chrome.path("url").asText("");
    // mitmproxy writes a WebSocket's URL as http://; Web Inspector has the page's ws:// URL
    r.put("url", ws && url.regionMatches(true, 0, "http", 0, 4) ? "ws" + url.substring(4) : url);
    r.put("httpVersion", ws ? "" : httpVersion(chrome.path("httpVersion").asText("")));
    ArrayNode headers = headers(chrome.path("headers"));
    ArrayNode cookies = JSON.createArrayNode();
    for (JsonNode h : headers) {
      if (h.path("name").asText("").equalsIgnoreCase("cookie")) {
        for (String pair : h.path("value").asText("").split(";")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            cookies.addObject().put("name", pair.substring(0, eq).strip()).put("value", pair.substring(eq + 1).strip());
          }
        }
      }
    }
    r.set("cookies", cookies);
    r.set("headers", headers);
    r.set("queryString", chrome.path("queryString").isArray() ? chrome.get("queryString").deepCopy()
        : JSON.createArrayNode());
    r.put("headersSize", chrome.path("headersSize").asLong(-1));
    r.put("bodySize", chrome.path("bodySize").asLong(-1));
    String text = chrome.path("postData").path("text").asText("");
    if (!text.isEmpty()) {
      ObjectNode post = r.putObject("postData");
      post.put("mimeType", chrome.path("postData").path("mimeType").asText(""));
      post.put("text", text);
      post.set("params", JSON.createArrayNode());
    }
    return r;
  }

  private static ObjectNode response(JsonNode chrome, boolean ws) {
    ObjectNode r = JSON.createObjectNode();
    r.put("status", Math.max(0, chrome.path("status").asInt(0)));
    r.put("statusText", chrome.path("statusText").asText(""));
    r.put("httpVersion", ws ? "" : httpVersion(chrome.path("httpVersion").asText("")));
    ArrayNode cookies = JSON.createArrayNode();
    for (JsonNode c : chrome.path("cookies")) {
      ObjectNode cookie = cookies.addObject();
      for (String field : new String[] {"name", "value", "path", "domain", "expires"}) {
        if (c.path(field).isTextual() && !c.path(field).asText().isEmpty()) {
          cookie.put(field, c.path(field).asText());
        }
      }
      cookie.put("httpOnly", c.path("httpOnly").asBoolean(false));
      cookie.put("secure", c.path("secure").asBoolean(false));
    }
    r.set("cookies", cookies);
    r.set("headers", headers(chrome.path("headers")));
    JsonNode content = chrome.path("content");
    ObjectNode c = r.putObject("content");
    long size = ws ? 0 : Math.max(0, content.path("size").asLong(0));
    c.put("size", size);
    c.put("compression", ws ? 0 : content.path("compression").asLong(0));
    String mime = content.path("mimeType").asText("");
    c.put("mimeType", ws || mime.isEmpty() ? "x-unknown" : mime);
    String text = content.path("text").asText("");
    if (!ws && !text.isEmpty()) {
      c.put("text", text);
      if ("base64".equals(content.path("encoding").asText())) {
        c.put("encoding", "base64");
      }
    }
    r.put("redirectURL", chrome.path("redirectURL").asText(""));
    r.put("headersSize", chrome.path("headersSize").asLong(-1));
    r.put("bodySize", chrome.path("bodySize").asLong(-1));
    if (chrome.path("_transferSize").isNumber()) {
      r.put("_transferSize", chrome.path("_transferSize").asLong());
    }
    return r;
  }

  /** HARBuilder.headers: a dictionary, so a repeated name is written once, its values joined by ", ". */
  private static ArrayNode headers(JsonNode chrome) {
    Map<String, String> byName = new LinkedHashMap<>();
    Map<String, String> spelling = new HashMap<>();
    for (JsonNode h : chrome) {
      String name = h.path("name").asText("");
      String key = name.toLowerCase(Locale.ROOT);
      spelling.putIfAbsent(key, name);
      byName.merge(key, h.path("value").asText(""), (a, b) -> a + ", " + b);
    }
    ArrayNode out = JSON.createArrayNode();
    byName.forEach((key, value) -> out.addObject().put("name", spelling.get(key)).put("value", value));
    return out;
  }

  /** Resource.displayNameForProtocol: "HTTP/1.1", "HTTP/2", or "" when the protocol is unknown. */
  private static String httpVersion(String chrome) {
    String v = chrome.toLowerCase(Locale.ROOT);
    if (v.equals("h2") || v.equals("http/2") || v.equals("http/2.0")) {
      return "HTTP/2";
    }
    return v.equals("http/1.1") || v.equals("http/1.0") ? chrome.toUpperCase(Locale.ROOT) : "";
  }

  private static int port(String url) {
    try {
      URI u = URI.create(url);
      int p = u.getPort();
      return p > 0 ? p : "https".equalsIgnoreCase(u.getScheme()) ? 443 : "http".equalsIgnoreCase(u.getScheme()) ? 80 : -1;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
