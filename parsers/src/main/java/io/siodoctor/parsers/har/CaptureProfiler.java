package io.siodoctor.parsers.har;

import com.fasterxml.jackson.databind.JsonNode;
import io.siodoctor.parsers.capture.CaptureProfile;
import io.siodoctor.parsers.capture.Exporter;
import io.siodoctor.parsers.capture.MissingEvidence;
import io.siodoctor.parsers.capture.RedactionMarkers;
import io.siodoctor.parsers.engineio.EngineIoUrls;
import io.siodoctor.parsers.record.HttpExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Counts, entry by entry, what a HAR holds and what it lacks, and names its exporter: the facts
 * behind {@code inputs[].capture}. It observes only; it changes no record and judges no cause.
 */
final class CaptureProfiler {
  private String creatorName = "";
  private String creatorVersion = "";
  private String browserName = "";
  private int pages = -1;
  private boolean sanitizedByTool;

  private int entries;
  private int engineIo;
  /** Engine.IO requests that named a session: by its sid, or by a placeholder a sanitizer left there. */
  private int namingSession;
  private int sidRedacted;
  /** Requests whose whole query is a placeholder ({@code ?[REDACTED]}): Engine.IO's or not, unknown. */
  private int queryRedacted;
  private int responseBodiesExpected;
  private int responseBodiesAbsent;
  private int responseBodyMarkers;
  private int mimeNamedMarkers;
  private int requestBodiesExpected;
  private int requestBodiesAbsent;
  private int requestBodyMarkers;
  private int webSocketsOpened;
  private int webSocketsWithFrames;
  /** WebSockets read without their messages because a sanitizer replaced one's data ({@link WsMessageSpool#readable}). */
  private int webSocketsWithRedactedFrames;
  private int cookieCarriers;
  private int authCarriers;
  private int secretMarkers;
  private int withoutTimings;
  private boolean chromeShape;
  private boolean playwrightShape;
  private int requestsWithHeaders;

  void creator(JsonNode creator) {
    creatorName = text(creator.path("name"));
    creatorVersion = text(creator.path("version"));
  }

  void browser(JsonNode browser) {
    browserName = text(browser.path("name"));
  }

  void pages(int count) {
    pages = count;
  }

  /** {@code log._sanitizedBy}: sio-doctor's own sanitizer (or another that says so). */
  void sanitizedBy() {
    sanitizedByTool = true;
  }

  void observe(RawEntry raw, HttpExchange x) {
    entries++;
    if (x.isEngineIo()) {
      engineIo++;
      if (x.engineIo().sidRedacted()) {
        sidRedacted++;
        namingSession++;
      } else if (!x.engineIo().isHandshake()) {
        namingSession++;
      }
    } else if (EngineIoUrls.queryRedacted(x.url())) {
      queryRedacted++;
    }
    if (raw.resourceType != null || raw.chromeMembers) {
      chromeShape = true;
    }
    JsonNode res = raw.response;
    if (res.path("status").asInt(0) < 0 || res.has("_failureText")) {
      playwrightShape = true;
    }
    observeBodies(raw, x);
    observeSecrets(raw.request, true);
    observeSecrets(raw.response, false);
    if (x.isWebSocket() && (x.status() == 101 || !raw.messages.isEmpty())) {
      webSocketsOpened++;
      if (raw.messages.readable()) {
        webSocketsWithFrames++;
      } else if (raw.messages.redacted()) {
        webSocketsWithRedactedFrames++;
      }
    }
    if (!hasTimings(raw)) {
      withoutTimings++;
    }
  }

  private void observeBodies(RawEntry raw, HttpExchange x) {
    JsonNode content = raw.response.path("content");
    String text = raw.responseText();
    int status = x.status();
    boolean answered = status >= 200 && status != 204 && status != 304 && !x.isWebSocket();
    long size = content.path("size").asLong(-1);
    if (answered && (size > 0 || x.isEngineIo() || (text != null && !text.isEmpty()))) {
      responseBodiesExpected++;
      if (text == null || text.isEmpty()) {
        responseBodiesAbsent++;
      } else if (RedactionMarkers.isMarker(text)) {
        responseBodyMarkers++;
        String mime = text(content.path("mimeType")).toLowerCase(Locale.ROOT);
        if (!mime.isEmpty() && text.strip().toLowerCase(Locale.ROOT).equals("[" + mime + " redacted]")) {
          mimeNamedMarkers++;
        }
      }
    }
    JsonNode post = raw.request.path("postData");
    long bodySize = raw.request.path("bodySize").asLong(-1);
    if ("POST".equalsIgnoreCase(x.method()) && (bodySize > 0 || post.isObject())) {
      requestBodiesExpected++;
      String sent = raw.requestText();
      if (sent == null || sent.isEmpty()) {
        requestBodiesAbsent += bodySize > 0 ? 1 : 0;
        requestBodiesExpected -= bodySize > 0 ? 0 : 1;
      } else if (RedactionMarkers.isMarker(sent)) {
        requestBodyMarkers++;
      }
    }
  }

  private void observeSecrets(JsonNode side, boolean request) {
    JsonNode headers = side.path("headers");
    if (request && headers.size() > 0) {
      requestsWithHeaders++;
    }
    boolean cookie = side.path("cookies").size() > 0;
    boolean auth = false;
    for (JsonNode h : headers) {
      String name = text(h.path("name")).toLowerCase(Locale.ROOT);
      boolean isCookie = name.equals("cookie") || name.equals("set-cookie");
      boolean isAuth = name.equals("authorization") || name.equals("proxy-authorization");
      if ((isCookie || isAuth) && RedactionMarkers.isMarker(text(h.path("value")))) {
        secretMarkers++;
      }
      cookie |= isCookie;
      auth |= isAuth;
    }
    for (JsonNode c : side.path("cookies")) {
      if (RedactionMarkers.isMarker(text(c.path("value"))) || RedactionMarkers.containsMarker(text(c.path("value")))) {
        secretMarkers++;
      }
    }
    cookieCarriers += cookie ? 1 : 0;
    authCarriers += auth ? 1 : 0;
  }

  private static boolean hasTimings(RawEntry raw) {
    if (raw.time.isNumber() && raw.time.asDouble() > 0) {
      return true;
    }
    if (!raw.timings.isObject()) {
      return false;
    }
    for (String part : List.of("blocked", "dns", "connect", "send", "wait", "receive")) {
      if (raw.timings.path(part).asDouble(-1) > 0) {
        return true;
      }
    }
    return false;
  }

  CaptureProfile build() {
    String exporter = exporter();
    // what the program that wrote the file leaves out, also when a sanitizer rewrote it afterwards
    // (sanitizers keep log.creator, and add nothing the exporter left out)
    String writer = writer();
    writer = writer != null ? writer : exporter;
    List<MissingEvidence> missing = new ArrayList<>();
    bodies(missing, MissingEvidence.RESPONSE_BODIES, responseBodiesExpected, responseBodiesAbsent,
        responseBodyMarkers, "what the server answered (Engine.IO error codes, open packets, CONNECT_ERROR messages) "
            + "is not recorded; only statuses, URLs, headers and sizes remain");
    bodies(missing, MissingEvidence.REQUEST_BODIES, requestBodiesExpected, requestBodiesAbsent, requestBodyMarkers,
        "what the client sent by polling POST (packets, payload sizes) is not recorded");
    String redactedFrames = webSocketsWithRedactedFrames == 0 ? ""
        : " (" + webSocketsWithRedactedFrames + " WebSocket(s) had messages replaced by a sanitizer's placeholder:"
            + " they are read as exported without messages)";
    if (webSocketsOpened > 0 && webSocketsWithFrames == 0 && webSocketsWithRedactedFrames > 0) {
      missing.add(new MissingEvidence(MissingEvidence.WEBSOCKET_FRAMES, MissingEvidence.MARKERS_ONLY,
          "a sanitizer replaced WebSocket messages with placeholders: pings, close packets and CONNECT_ERRORs sent"
              + " over WebSocket cannot be seen" + redactedFrames));
    } else if (webSocketsOpened > 0 && webSocketsWithFrames == 0) {
      missing.add(new MissingEvidence(MissingEvidence.WEBSOCKET_FRAMES, MissingEvidence.ALL,
          Exporter.neverWritesFrames(writer)
              ? "this exporter writes no WebSocket messages: pings, close packets and CONNECT_ERRORs sent over "
                  + "WebSocket cannot be seen (a Chromium DevTools HAR has them)"
              : "no WebSocket messages were exported: pings, close packets and CONNECT_ERRORs sent over WebSocket "
                  + "cannot be seen"));
    } else if (webSocketsWithFrames > 0 && webSocketsWithFrames < webSocketsOpened) {
      missing.add(new MissingEvidence(MissingEvidence.WEBSOCKET_FRAMES, MissingEvidence.SOME,
          (webSocketsOpened - webSocketsWithFrames) + " of " + webSocketsOpened
              + " open WebSockets have no messages exported" + redactedFrames));
    }
    if (entries > 0 && Exporter.writesNoWebSockets(writer)) {
      missing.add(new MissingEvidence(MissingEvidence.WEBSOCKETS, MissingEvidence.ALL,
          "this exporter writes no WebSocket at all, neither its handshake nor its messages: whether a session "
              + "upgraded, whether its upgrade was refused, and everything sent over WebSocket cannot be seen"));
    }
    if (entries > 0 && Exporter.writesOnlyCompletedRequests(writer)) {
      missing.add(new MissingEvidence(MissingEvidence.FAILED_REQUESTS, MissingEvidence.ALL,
          "this exporter writes only requests that were answered: those refused, reset, blocked by CORS or "
              + "aborted, and those still waiting, are not in it; a connection that never succeeded may leave "
              + "no Socket.IO request at all"));
    }
    boolean sanitized = sanitizedExport(exporter);
    if (cookieCarriers == 0 && entries > 0) {
      missing.add(new MissingEvidence(MissingEvidence.COOKIES, secretMarkers > 0 ? MissingEvidence.MARKERS_ONLY
          : MissingEvidence.ALL, sanitized
          ? "the export removed cookies: stickiness and session cookies (credentials-not-sent, sticky sessions by "
              + "cookie) cannot be judged"
          : "no Cookie or Set-Cookie anywhere: none was sent, or the export dropped them (Chrome's sanitized "
              + "export does); cookie-dependent causes cannot be judged"));
    }
    if (authCarriers == 0 && entries > 0 && (sanitized || exporter.equals(Exporter.CHROME_SANITIZED))) {
      missing.add(new MissingEvidence(MissingEvidence.AUTH_HEADERS, MissingEvidence.ALL, sanitized
          ? "the export removed Authorization headers: whether the client sent credentials cannot be seen"
          : "no Authorization header anywhere: none was sent, or the export dropped it (Chrome's sanitized "
              + "export does)"));
    }
    if (entries > 0 && withoutTimings == entries) {
      missing.add(new MissingEvidence(MissingEvidence.TIMINGS, MissingEvidence.ALL,
          "no durations: slow answers, timeouts and long-polls cannot be measured"));
    } else if (withoutTimings > 0 && withoutTimings * 2 > entries) {
      missing.add(new MissingEvidence(MissingEvidence.TIMINGS, MissingEvidence.SOME,
          withoutTimings + " of " + entries + " entries have no durations"));
    }
    if (sidRedacted > 0) {
      missing.add(new MissingEvidence(MissingEvidence.SESSION_IDS,
          sidRedacted < namingSession ? MissingEvidence.SOME : MissingEvidence.MARKERS_ONLY,
          (sidRedacted < namingSession ? sidRedacted + " of " + namingSession + " requests' " : "")
              + "Engine.IO session ids (sid=) were replaced with a placeholder: which request belongs to which "
              + "session cannot be seen, so drops, heartbeats, sticky sessions and reconnect cadence cannot be "
              + "judged per session"));
    }
    if (queryRedacted > 0) {
      missing.add(new MissingEvidence(MissingEvidence.SESSION_IDS, MissingEvidence.MARKERS_ONLY,
          "the query strings of " + queryRedacted + " requests were replaced with a placeholder: their protocol "
              + "revision (EIO=), transport and session id (sid=) cannot be seen, nor which of them were Socket.IO's"));
    }
    if (pages <= 0) {
      missing.add(new MissingEvidence(MissingEvidence.PAGES, MissingEvidence.ALL,
          "no page records: the page's origin is known only from request headers (Origin, Referer)"));
    }
    if (engineIo == 0 && queryRedacted == 0) {
      missing.add(new MissingEvidence(MissingEvidence.SOCKETIO_TRAFFIC, MissingEvidence.ALL,
          entries == 0 ? "the HAR has no entries at all"
              : "no request to a Socket.IO URL (EIO=, transport=): the capture was stopped before the client "
                  + "connected, filtered, or taken on another page"));
    }
    String creator = (creatorName + " " + creatorVersion).strip();
    return new CaptureProfile(exporter, creator, missing);
  }

  /** The exporter {@code log.creator} (or the entries' shape) names, sanitizers aside; null when none. */
  private String writer() {
    String named = Exporter.fromCreator(creatorName, browserName);
    if (named == null) {
      named = playwrightShape ? Exporter.PLAYWRIGHT : chromeShape ? Exporter.CHROME : null;
    }
    return named;
  }

  private String exporter() {
    if (mimeNamedMarkers > 0) {
      return Exporter.CLOUDFLARE_SANITIZER;
    }
    String named = writer();
    if (named == null) {
      return responseBodyMarkers + requestBodyMarkers + secretMarkers > 0 || sanitizedByTool
          ? Exporter.SANITIZER : Exporter.UNKNOWN;
    }
    if (named.equals(Exporter.CHROME) && cookieCarriers == 0 && authCarriers == 0 && requestsWithHeaders > 0) {
      // DevTools' sanitized export drops exactly these; a cookie-less session exported in full looks the same
      return Exporter.CHROME_SANITIZED;
    }
    if (responseBodyMarkers + requestBodyMarkers + secretMarkers > 0) {
      return Exporter.SANITIZER;
    }
    return named;
  }

  private boolean sanitizedExport(String exporter) {
    return sanitizedByTool || secretMarkers > 0 || exporter.equals(Exporter.CLOUDFLARE_SANITIZER) || exporter.equals(Exporter.SANITIZER);
  }

  private static void bodies(List<MissingEvidence> missing, String what, int expected, int absent, int markers,
      String meaning) {
    if (expected == 0 || absent + markers == 0) {
      return;
    }
    String extent;
    if (absent + markers < expected) {
      extent = MissingEvidence.SOME;
      meaning = (absent + markers) + " of " + expected + " bodies are not recorded: " + meaning;
    } else {
      extent = markers > 0 && absent == 0 ? MissingEvidence.MARKERS_ONLY : MissingEvidence.ALL;
    }
    missing.add(new MissingEvidence(what, extent, meaning));
  }

  private static String text(JsonNode n) {
    return n.isTextual() || n.isNumber() ? n.asText() : "";
  }
}
