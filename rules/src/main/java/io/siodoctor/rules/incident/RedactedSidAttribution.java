package io.siodoctor.rules.incident;

import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.Record;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ties the requests whose {@code sid} a sanitizer replaced with a placeholder to the session they
 * belonged to, where the capture proves which one that was; the others stay in no session.
 *
 * <p>The fact used: one Engine.IO client opens a new session only after its previous one ended, so
 * when the sessions of one endpoint (file, origin and path) never overlap, a request that named a
 * session belongs to the last session whose handshake was answered before it started. Overlap is
 * what a second client (another tab, a {@code forceNew} manager) shows, and what a single session
 * never does: two long-poll GETs in flight at once, two WebSockets open at once, or a handshake
 * while a long-poll or a WebSocket of a session is still open. An endpoint that shows any of these,
 * a request before the endpoint's first handshake (a session opened before the capture), and a
 * request after a handshake whose answer was not recorded (no sid to give) stay unattributed:
 * rules that need to know which requests make a session then do not run ({@code
 * NeedsSessionIdentity}).
 */
final class RedactedSidAttribution {
  /** Slack for the rounding of HAR times (milliseconds, some exporters whole milliseconds). */
  private static final long SLACK_MS = 20;

  private RedactedSidAttribution() {}

  /** Whether any record is an exchange whose sid was redacted: the usual case costs one pass. */
  static boolean needed(List<Record> records) {
    for (Record r : records) {
      if (r instanceof HttpExchange x && x.engineIo() != null && x.engineIo().sidRedacted()) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code records} with each attributable exchange replaced by a copy that names its session's sid
   * (its query keeps {@code sidRedacted}, so rules and reports still know the URL did not say it).
   *
   * @param openedBy the sid each WebSocket handshake (no sid in its URL) announced in its open
   *     frame: WebSocket-only sessions start there
   */
  static List<Record> attribute(List<Record> records, Map<HttpExchange, String> openedBy) {
    Map<String, List<HttpExchange>> byEndpoint = new LinkedHashMap<>();
    for (Record r : records) {
      if (r instanceof HttpExchange x && x.engineIo() != null) {
        byEndpoint.computeIfAbsent(endpoint(x), k -> new ArrayList<>()).add(x);
      }
    }
    Map<HttpExchange, String> sids = new IdentityHashMap<>();
    for (List<HttpExchange> xs : byEndpoint.values()) {
      attributeEndpoint(xs, openedBy, sids);
    }
    if (sids.isEmpty()) {
      return records;
    }
    List<Record> out = new ArrayList<>(records.size());
    for (Record r : records) {
      String sid = r instanceof HttpExchange x ? sids.get(x) : null;
      out.add(sid == null ? r : withSid((HttpExchange) r, sid));
    }
    return out;
  }

  private static void attributeEndpoint(List<HttpExchange> xs, Map<HttpExchange, String> openedBy,
      Map<HttpExchange, String> sids) {
    List<HttpExchange> starts = new ArrayList<>();
    List<HttpExchange> redacted = new ArrayList<>();
    for (HttpExchange x : xs) {
      if (x.time() == null) {
        if (x.engineIo().sidRedacted()) {
          return; // no order, no attribution
        }
        continue;
      }
      if (x.engineIo().sidRedacted()) {
        redacted.add(x);
      } else if (x.engineIo().isHandshake() && opened(x, openedBy)) {
        starts.add(x);
      }
    }
    if (redacted.isEmpty() || overlap(starts, redacted)) {
      return;
    }
    // both in time order, walked together: a large HAR has tens of thousands of polls
    starts.sort(Comparator.comparing(HttpExchange::ended));
    redacted.sort(Comparator.comparing(HttpExchange::time));
    int next = 0;
    HttpExchange start = null;
    for (HttpExchange x : redacted) {
      // the sid is known to the client once the handshake's answer arrived
      while (next < starts.size() && !starts.get(next).ended().isAfter(x.time().plusMillis(SLACK_MS))) {
        start = starts.get(next++);
      }
      String sid = start == null ? null : sidOf(start, openedBy);
      if (sid != null) {
        sids.put(x, sid);
      }
    }
  }

  /** A handshake the server answered: an open packet, or any 2xx (or 101) whose body was not kept. */
  private static boolean opened(HttpExchange x, Map<HttpExchange, String> openedBy) {
    if (x.handshake() != null || openedBy.containsKey(x)) {
      return true;
    }
    return x.status() == 101 || (x.status() >= 200 && x.status() < 300 && x.engineIoError() == null);
  }

  private static String sidOf(HttpExchange start, Map<HttpExchange, String> openedBy) {
    if (start.handshake() != null && start.handshake().sid() != null) {
      return start.handshake().sid();
    }
    return openedBy.get(start);
  }

  /**
   * What one session never shows: two long-poll GETs in flight at once, two WebSockets open at once,
   * or a new handshake while one of them was open.
   */
  private static boolean overlap(List<HttpExchange> starts, List<HttpExchange> redacted) {
    List<Instant[]> polls = new ArrayList<>();
    List<Instant[]> webSockets = new ArrayList<>();
    for (HttpExchange x : redacted) {
      if (x.isWebSocket() ? x.status() == 101 : "GET".equals(x.method()) && x.engineIo().isPolling()) {
        (x.isWebSocket() ? webSockets : polls).add(new Instant[] {x.time(), x.ended()});
      }
    }
    if (!disjoint(polls) || !disjoint(webSockets)) {
      return true;
    }
    for (HttpExchange s : starts) {
      if (within(polls, s.time()) || within(webSockets, s.time())) {
        return true;
      }
    }
    return false;
  }

  /** Sorts {@code spans} by start; whether none begins before the previous ones ended (less the slack). */
  private static boolean disjoint(List<Instant[]> spans) {
    spans.sort(Comparator.comparing((Instant[] span) -> span[0]));
    Instant end = null;
    for (Instant[] span : spans) {
      if (end != null && span[0].isBefore(end.minusMillis(SLACK_MS))) {
        return false;
      }
      end = end == null || span[1].isAfter(end) ? span[1] : end;
    }
    return true;
  }

  /** Whether {@code t} falls strictly inside one of the sorted, disjoint {@code spans}, by more than the slack. */
  private static boolean within(List<Instant[]> spans, Instant t) {
    int lo = 0;
    int hi = spans.size() - 1;
    int last = -1; // the last span starting before t
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (spans.get(mid)[0].isBefore(t)) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (last < 0) {
      return false;
    }
    Instant[] span = spans.get(last);
    return t.isAfter(span[0].plusMillis(SLACK_MS)) && t.isBefore(span[1].minusMillis(SLACK_MS));
  }

  /** File, origin and path: one Engine.IO endpoint of one capture ({@code ws} and {@code http} alike). */
  private static String endpoint(HttpExchange x) {
    String url = x.url();
    int q = url.indexOf('?');
    String base = q < 0 ? url : url.substring(0, q);
    if (base.startsWith("ws")) {
      base = "http" + base.substring(2);
    }
    return x.location().file() + "|" + base;
  }

  private static HttpExchange withSid(HttpExchange x, String sid) {
    EngineIoQuery q = x.engineIo();
    return new HttpExchange(x.location(), x.entryIndex(), x.time(), x.durationMs(), x.method(), x.url(), x.status(),
        x.statusText(), x.requestHeaders(), x.responseHeaders(), x.requestBody(), x.requestBodySize(),
        x.responseBody(), x.responseBodySize(), x.responseMimeType(), x.error(), x.resourceType(),
        new EngineIoQuery(q.path(), q.eio(), q.transport(), sid, q.base64(), true), x.requestPayload(),
        x.responsePayload(), x.engineIoError(), x.handshake());
  }
}
