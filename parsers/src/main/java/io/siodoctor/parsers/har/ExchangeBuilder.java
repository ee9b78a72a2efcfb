package io.siodoctor.parsers.har;

import com.fasterxml.jackson.databind.JsonNode;
import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.engineio.EngineIoPayload;
import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.engineio.HandshakeReader;
import io.siodoctor.parsers.capture.RedactionMarkers;
import io.siodoctor.parsers.engineio.PacketDecoder;
import io.siodoctor.parsers.record.Header;
import io.siodoctor.parsers.record.Headers;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.SourceLocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns one read entry into its {@link HttpExchange}, noting the quirks it shows. */
final class ExchangeBuilder {
  /** Timings that add up to {@code time} (HAR 1.2: {@code ssl} is already inside {@code connect}). */
  private static final List<String> TIMING_PARTS =
      List.of("blocked", "dns", "connect", "send", "wait", "receive");

  private final String file;
  private final HarQuirks quirks;
  /** The latest start seen so far, to notice a file written in completion order (mitmproxy). */
  private Instant latestStart;

  ExchangeBuilder(String file, HarQuirks quirks) {
    this.file = file;
    this.quirks = quirks;
  }

  HttpExchange build(RawEntry e) {
    JsonNode req = e.request;
    JsonNode res = e.response;
    noteMissingFields(e);
    noteCookieDates(req.path("cookies"));
    noteCookieDates(res.path("cookies"));

    String url = text(req, "url");
    int status = status(res.path("status"));
    JsonNode content = res.path("content");
    String mimeType = text(content, "mimeType");
    List<Header> responseHeaders = headers(res.path("headers"));
    String redirect = text(res, "redirectURL");
    if (status >= 300 && status < 400 && redirect != null && !redirect.isBlank()
        && Headers.first(responseHeaders, "location").isEmpty()) {
      // HAR 1.2's redirectURL is the Location header's target: a sanitizer or exporter that drops the
      // headers often keeps it, and where the client was sent is what tells a login redirect
      responseHeaders = new ArrayList<>(responseHeaders);
      responseHeaders.add(new Header("Location", redirect));
    }
    if (mimeType == null || mimeType.isBlank()) {
      mimeType = Headers.first(responseHeaders, "content-type").orElse("");
    }
    // a sanitizer's placeholder ("[text/plain redacted]") is never a body: the body is absent
    HarBodies.Body response = e.responseSkipped != null
        ? HarBodies.skipped(e.responseSkipped, text(content, "encoding"), size(content.path("size")))
        : HarBodies.of(unlessMarker(text(content, "text")), text(content, "encoding"), mimeType, size(content.path("size")), quirks);
    JsonNode post = req.path("postData");
    HarBodies.Body request = e.requestSkipped != null
        ? HarBodies.skipped(e.requestSkipped, text(post, "encoding"), size(req.path("bodySize")))
        : HarBodies.of(unlessMarker(text(post, "text")), text(post, "encoding"), text(post, "mimeType"), size(req.path("bodySize")), quirks);

    EngineIoQuery engineIo = PacketDecoder.parseQuery(url);
    String error = firstNonBlank(text(res, "_error"), text(res, "_failureText"));
    double durationMs = duration(e.time, e.timings);
    boolean noErrorField = status == 0 && res.isObject() && !res.has("_error") && !res.has("_failureText");
    if (noErrorField && durationMs == 0) {
      // Firefox (and other exporters without an error field) write a request that got no answer as
      // status 0, time 0; a request still waiting for its answer has been waiting: time above 0
      error = HttpExchange.NO_ANSWER;
      quirks.note(HarQuirks.Kind.NO_RESPONSE_NO_REASON);
    } else if (noErrorField && responseHeaders.isEmpty() && endedInTls(e.timings)) {
      // Firefox writes the timings of a request that failed: a connection that spent time in the TLS
      // handshake and then neither waited for nor received anything ended in the handshake
      error = HttpExchange.NO_ANSWER_AFTER_TLS;
      quirks.note(HarQuirks.Kind.NO_ANSWER_AFTER_TLS);
    }
    List<Header> requestHeaders = headers(req.path("headers"));
    boolean corsRejected = error == null && status > 0 && engineIo != null && !engineIo.isWebSocket()
        && corsRejected(text(req, "method"), url, requestHeaders, responseHeaders);
    if (corsRejected) {
      // as Chrome writes it; the page never got the body, so it opens no session and carries no packet
      error = CorsCheck.CHROME_ERROR;
    }
    EngineIoPayload requestPayload = engineIo == null ? null : decode(request, text(post, "mimeType"));
    EngineIoPayload responsePayload = engineIo == null || corsRejected ? null : decode(response, mimeType);
    EngineIoError engineIoError =
        engineIo != null && status >= 300 && !response.base64()
            ? PacketDecoder.parseError(Bounds.forDecoding(response.text()))
            : null;

    return new HttpExchange(
        SourceLocation.harEntry(file, e.index),
        e.index,
        startedAt(e.startedDateTime),
        durationMs,
        orEmpty(text(req, "method")),
        orEmpty(url),
        status,
        orEmpty(text(res, "statusText")),
        requestHeaders,
        responseHeaders,
        Bounds.cut(request.text()),
        request.size(),
        Bounds.cut(response.text()),
        response.size(),
        mimeType,
        error,
        resourceType(e.resourceType, requestHeaders),
        engineIo,
        requestPayload == null ? null : Bounds.payload(requestPayload),
        responsePayload == null ? null : Bounds.payload(responsePayload),
        engineIoError,
        HandshakeReader.firstIn(responsePayload));
  }

  /**
   * Chrome's and Playwright's {@code _resourceType}; for exporters without it (Firefox, mitmproxy,
   * Safari, ...) what the request itself says: {@code websocket} for an {@code Upgrade: websocket}
   * handshake (mitmproxy writes its URL as {@code http://}), else the browser's {@code
   * Sec-Fetch-Dest} where it names one of Chrome's types ({@code document} tells a page load).
   */
  private static String resourceType(String declared, List<Header> request) {
    if (declared != null && !declared.isBlank()) {
      return declared;
    }
    if (Headers.first(request, "upgrade").map(v -> v.strip().equalsIgnoreCase("websocket")).orElse(false)) {
      return "websocket";
    }
    String dest = Headers.first(request, "sec-fetch-dest").map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("");
    switch (dest) {
      case "document":
      case "script":
      case "image":
      case "font":
      case "websocket":
        return dest;
      case "style":
        return "stylesheet";
      default:
        return declared;
    }
  }

  private boolean corsRejected(String method, String url, List<Header> request, List<Header> response) {
    Optional<String> why = CorsCheck.rejection(method, url, request, response);
    why.ifPresent(w -> quirks.note(HarQuirks.Kind.CORS_REJECTED_AS_PLAIN, w));
    return why.isPresent();
  }

  private EngineIoPayload decode(HarBodies.Body body, String mimeType) {
    if (body.text().isEmpty()) {
      return EngineIoPayload.EMPTY_PAYLOAD;
    }
    if (body.partial() || body.text().length() > Bounds.DECODE_CHARS) {
      quirks.note(HarQuirks.Kind.LARGE_DATA);
    }
    return PacketDecoder.decodePolling(Bounds.forDecoding(body.text()), mimeType, body.base64());
  }

  private Instant startedAt(String startedDateTime) {
    Instant instant = parseStart(startedDateTime);
    if (instant != null) {
      if (latestStart != null && instant.isBefore(latestStart)) {
        quirks.note(HarQuirks.Kind.NOT_IN_START_ORDER);
      } else {
        latestStart = instant;
      }
    }
    return instant;
  }

  private Instant parseStart(String startedDateTime) {
    HarDates.Parsed parsed = HarDates.parse(startedDateTime);
    if (parsed.quirk() == HarQuirks.Kind.BAD_DATE) {
      quirks.note(parsed.quirk(), startedDateTime);
    } else if (parsed.quirk() != null) {
      quirks.note(parsed.quirk());
    }
    return parsed.instant();
  }

  /**
   * Timings that end in the TLS handshake: {@code ssl} above 0 (a TLS handshake took place on a new
   * connection), and no time waiting for the answer nor receiving it. A request still pending has no
   * timings yet (Firefox fills them when the request ends).
   */
  private static boolean endedInTls(JsonNode timings) {
    return number(timings.path("ssl")) > 0 && number(timings.path("wait")) <= 0 && number(timings.path("receive")) <= 0;
  }

  /**
   * The entry's {@code time}, fractional as Chrome writes it. When it is absent or negative, the
   * sum of the timings that are known (HAR's own definition of {@code time}), else -1.
   */
  private double duration(JsonNode time, JsonNode timings) {
    double t = number(time);
    if (t >= 0) {
      return t;
    }
    quirks.note(HarQuirks.Kind.NO_TIME);
    double sum = 0;
    boolean known = false;
    for (String part : TIMING_PARTS) {
      double v = number(timings.path(part));
      if (v >= 0) {
        sum += v;
        known = true;
      }
    }
    return known ? sum : -1;
  }

  /**
   * The status; 0 for "no response", which Playwright writes as -1 both for a failure (then with
   * {@code _failureText}) and for a request still pending when the context closed (without it).
   */
  private int status(JsonNode status) {
    if (status.isNumber()) {
      if (status.asInt() < 0) {
        quirks.note(HarQuirks.Kind.NEGATIVE_STATUS);
      }
      return Math.max(0, status.asInt());
    }
    if (status.isTextual()) {
      try {
        int n = Integer.parseInt(status.asText().strip());
        quirks.note(HarQuirks.Kind.STATUS_STRING);
        return Math.max(0, n);
      } catch (NumberFormatException e) {
        quirks.note(HarQuirks.Kind.BAD_STATUS, status.asText());
      }
    }
    return 0;
  }

  private void noteMissingFields(RawEntry e) {
    List<String> missing = new ArrayList<>();
    if (!e.hasCache) {
      missing.add("cache");
    }
    if (!e.timings.isObject()) {
      missing.add("timings");
    }
    requireObject(e.request, "request", List.of("cookies"), missing);
    requireObject(e.response, "response", List.of("cookies", "content"), missing);
    quirks.missing(missing);
  }

  private static void requireObject(JsonNode node, String name, List<String> members, List<String> missing) {
    if (!node.isObject()) {
      missing.add(name);
      return;
    }
    for (String member : members) {
      if (!node.has(member)) {
        missing.add(name + "." + member);
      }
    }
  }

  private void noteCookieDates(JsonNode cookies) {
    for (JsonNode cookie : cookies) {
      String expires = text(cookie, "expires");
      if (!HarDates.isAbsentOrIso(expires)) {
        quirks.note(HarQuirks.Kind.COOKIE_DATE, expires);
      }
    }
  }

  private static List<Header> headers(JsonNode list) {
    List<Header> headers = new ArrayList<>(list.size());
    for (JsonNode h : list) {
      String name = text(h, "name");
      if (name != null) {
        String value = text(h, "value");
        headers.add(new Header(name, value == null ? "" : value));
      }
    }
    return headers;
  }

  /** A member as text: strings and numbers; null when absent, JSON null, or structured. */
  private static String text(JsonNode node, String member) {
    JsonNode v = node.path(member);
    return v.isTextual() || v.isNumber() || v.isBoolean() ? v.asText() : null;
  }

  /** A size in bytes; -1 when absent or unreadable (HAR's own "unknown"). */
  private static long size(JsonNode node) {
    double v = number(node);
    return v >= 0 ? (long) v : -1;
  }

  /** A number, also when written as a string; NaN when absent or unreadable. */
  private static double number(JsonNode node) {
    return HarBodies.number(node);
  }

  private static String unlessMarker(String body) {
    return RedactionMarkers.isMarker(body) ? null : body;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String firstNonBlank(String a, String b) {
    if (a != null && !a.isBlank()) {
      return a;
    }
    return b != null && !b.isBlank() ? b : null;
  }
}
