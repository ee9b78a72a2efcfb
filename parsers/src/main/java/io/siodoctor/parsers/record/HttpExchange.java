package io.siodoctor.parsers.record;

import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.engineio.EngineIoPayload;
import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.engineio.Handshake;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP request and its response (a HAR entry, or a WebSocket handshake entry), with the
 * Engine.IO facts decoded from its URL and bodies.
 *
 * @param status 0 when the browser got no response (blocked, refused, still pending)
 * @param durationMs the entry's {@code time}, fractional milliseconds as the exporter wrote them
 * @param requestBody {@code postData.text}, possibly cut to a bounded length ("" when none)
 * @param responseBody {@code content.text}, base64 decoded when it was text, possibly cut ("" when
 *     none)
 * @param responseBodySize the full length of the response body in bytes, or -1 when unknown
 * @param requestBodySize the full length of the request body in bytes, or -1 when unknown
 * @param error Chrome's {@code _error}, Playwright's {@code _failureText}; null when none. For
 *     exporters that write no error, the HAR parser gives a CORS-rejected answer Chrome's {@code
 *     net::ERR_FAILED}, a request that got no answer (status 0, time 0) {@link #NO_ANSWER}, and one whose timings end in the TLS handshake {@link #NO_ANSWER_AFTER_TLS} (see
 *     sample-captures/EXPORTERS.md)
 * @param resourceType Chrome's {@code _resourceType} ("" when absent)
 * @param engineIo the Engine.IO query, or null when the URL is not an Engine.IO URL
 * @param requestPayload packets decoded from the request body (EMPTY when none)
 * @param responsePayload packets decoded from the response body (EMPTY when none)
 * @param engineIoError the engine.io error body, or null
 * @param handshake the open packet found in the response, or null
 */
public record HttpExchange(
    SourceLocation location,
    int entryIndex,
    Instant time,
    double durationMs,
    String method,
    String url,
    int status,
    String statusText,
    List<Header> requestHeaders,
    List<Header> responseHeaders,
    String requestBody,
    long requestBodySize,
    String responseBody,
    long responseBodySize,
    String responseMimeType,
    String error,
    String resourceType,
    EngineIoQuery engineIo,
    EngineIoPayload requestPayload,
    EngineIoPayload responsePayload,
    EngineIoError engineIoError,
    Handshake handshake)
    implements Record {

  /**
   * The {@link #error} the HAR parser gives a request that got no answer (status 0, time 0) where
   * the exporter records no reason (Firefox): not a browser error code, so no rule reads a place into
   * it; it makes the request {@link #failed()}. Refused, DNS, an extension, a CSP or mixed-content
   * block all look like this.
   */
  public static final String NO_ANSWER = "no response (the exporter records no reason)";

  /**
   * The {@link #error} the HAR parser gives a request that got no answer, where the exporter records
   * no reason (Firefox) but its timings end in the TLS handshake: a new connection spent time in the
   * handshake ({@code ssl} above 0) and then neither waited for nor received an answer. A name no
   * browser writes, read by the rules as a failure in the TLS handshake of unknown reason.
   */
  public static final String NO_ANSWER_AFTER_TLS =
      "no response after the TLS handshake (timings: ssl, then no wait; the exporter records no reason)";

  public HttpExchange {
    requestHeaders = requestHeaders == null ? List.of() : List.copyOf(requestHeaders);
    responseHeaders = responseHeaders == null ? List.of() : List.copyOf(responseHeaders);
    requestBody = requestBody == null ? "" : requestBody;
    responseBody = responseBody == null ? "" : responseBody;
    responseMimeType = responseMimeType == null ? "" : responseMimeType;
    resourceType = resourceType == null ? "" : resourceType;
    requestPayload = requestPayload == null ? EngineIoPayload.EMPTY_PAYLOAD : requestPayload;
    responsePayload = responsePayload == null ? EngineIoPayload.EMPTY_PAYLOAD : responsePayload;
  }

  @Override
  public Optional<String> sid() {
    if (engineIo != null && engineIo.sid() != null && !engineIo.sid().isEmpty()) {
      return Optional.of(engineIo.sid());
    }
    return handshake == null ? Optional.empty() : Optional.ofNullable(handshake.sid());
  }

  public boolean isEngineIo() {
    return engineIo != null;
  }

  public boolean isWebSocket() {
    return url.startsWith("ws://")
        || url.startsWith("wss://")
        || "websocket".equals(resourceType)
        || (engineIo != null && engineIo.isWebSocket());
  }

  /**
   * When the exchange ended, as the browser recorded it: its start plus its duration (a negative
   * duration, which some exporters write for "unknown", counted as none); null without a start.
   */
  public Instant ended() {
    return time == null ? null : time.plusNanos((long) (Math.max(0, durationMs) * 1_000_000));
  }

  /** The browser got no HTTP answer at all. */
  public boolean failed() {
    return status == 0 && error != null && !error.isEmpty();
  }

  /** Status 0 with no error: the request was still pending when the capture stopped. */
  public boolean pending() {
    return status == 0 && (error == null || error.isEmpty());
  }

  public Optional<String> requestHeader(String name) {
    return Headers.first(requestHeaders, name);
  }

  public Optional<String> responseHeader(String name) {
    return Headers.first(responseHeaders, name);
  }

  @Override
  public String excerpt() {
    StringBuilder sb = new StringBuilder();
    sb.append(method).append(' ').append(url).append(" -> ");
    if (status == 0) {
      sb.append(error == null || error.isEmpty() ? "(pending)" : "(failed) " + error);
    } else {
      sb.append(status);
      if (!responseBody.isEmpty()) {
        sb.append(' ').append(Excerpts.oneLine(responseBody, 160));
      }
    }
    return sb.toString();
  }
}
