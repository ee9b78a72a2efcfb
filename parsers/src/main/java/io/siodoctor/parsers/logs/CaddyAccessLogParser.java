package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Caddy 2 JSON logs: access lines ({@code "logger":"http.log.access…","msg":"handled request"}) and
 * the reverse proxy's error lines ({@code "logger":"http.log.error…"}). {@code ts} is when Caddy
 * wrote the line, the request's end (for a WebSocket: when it closed), {@code duration} its
 * length in seconds. Caddy 2.6 logs a finished WebSocket with {@code "status":0} and the 101's
 * headers in {@code resp_headers} ({@code Upgrade: websocket}): recorded here as status 101, as
 * nginx logs it. Error lines become {@link LogEvent#PROXY_UPSTREAM_UNAVAILABLE} ({@code dial tcp
 * …: connection refused}, {@code no upstreams available}) or {@link LogEvent#PROXY_UPSTREAM_TIMEOUT}
 * ({@code i/o timeout}, {@code context deadline exceeded}). Other lines of Caddy's own are kept as
 * OTHER.
 */
public final class CaddyAccessLogParser extends LineLogParser {

  /**
   * Made on the first Caddy line, not when the parser is registered: an {@link ObjectMapper}'s class
   * initialisation (its default date format's calendar data) costs tens of milliseconds of every
   * start-up that reads no Caddy log.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
      MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private Json() {}
  }

  public CaddyAccessLogParser() {
    super(LogFormat.CADDY_ACCESS);
  }

  @Override
  public MatchStrength match(byte[] head, int length) {
    if (HeadLines.firstNonSpace(head, length) != '{' || HeadLines.binary(head, length)) {
      return MatchStrength.NO_MATCH;
    }
    List<String> lines = HeadLines.nonBlank(head, length, 50);
    int json = 0;
    int caddy = 0;
    for (String l : lines) {
      String t = l.strip();
      if (t.startsWith("{") && t.endsWith("}")) {
        json++;
        if (t.contains("\"logger\":\"http.log.access") || t.contains("\"logger\":\"http.log.error")) {
          caddy++;
        }
      }
    }
    return caddy >= 1 && json * 5 >= lines.size() * 4 ? MatchStrength.FULL_MATCH : MatchStrength.NO_MATCH;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new CaddyState(file, sink);
  }

  private static final class CaddyState extends ParseState {
    CaddyState(String file, RecordSink sink) {
      super(file, sink, LogFormat.CADDY_ACCESS);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      if (s == e) {
        return;
      }
      String line = Ascii.str(b, s, e);
      JsonNode o;
      try {
        o = Json.MAPPER.readTree(line);
      } catch (java.io.IOException ex) {
        emitOther(n, line);
        return;
      }
      if (o == null || !o.isObject()) {
        emitOther(n, line);
        return;
      }
      Instant time = lastTime;
      JsonNode ts = o.get("ts");
      if (ts != null && ts.isNumber()) {
        double sec = ts.asDouble();
        // a double holds microseconds of an epoch second exactly enough; nanoseconds are noise
        long micros = Math.round((sec - Math.floor(sec)) * 1e6);
        time = Instant.ofEpochSecond((long) Math.floor(sec), micros * 1000);
        lastTime = time;
      }
      String logger = o.path("logger").asText(null);
      String level = o.path("level").asText(null);
      String msg = o.path("msg").asText("");
      JsonNode req = o.get("request");
      if (logger == null || req == null || !req.isObject()) {
        emit(n, time, fileNode, level, logger, null, msg, LogEvent.OTHER, null, null);
        return;
      }
      String uri = req.path("uri").asText("");
      String method = req.path("method").asText(null);
      String clientIp = req.path("remote_ip").asText(null);
      JsonNode ua = req.path("headers").path("User-Agent");
      String userAgent = ua.isArray() && ua.size() > 0 ? ua.get(0).asText() : null;
      int status = o.path("status").asInt(-1);
      JsonNode upgrade = o.path("resp_headers").path("Upgrade");
      if (status == 0 && upgrade.isArray() && upgrade.size() > 0
          && "websocket".equalsIgnoreCase(upgrade.get(0).asText())) {
        status = 101;
      }
      double durationMs = o.has("duration") ? o.path("duration").asDouble() * 1000.0 : -1;
      long bytes = o.has("size") ? o.path("size").asLong() : -1;
      EngineIoQuery q = LogUrls.query(uri);
      String sid = LogUrls.sidOf(q, uri);
      HttpAccess access = new HttpAccess(clientIp, method, uri, status, bytes, durationMs, null, userAgent, null, q);
      if (logger.startsWith("http.log.error")) {
        String lower = msg.toLowerCase(Locale.ROOT);
        LogEvent event = lower.contains("timeout") || lower.contains("deadline exceeded")
            ? LogEvent.PROXY_UPSTREAM_TIMEOUT
            : lower.contains("dial tcp") || lower.contains("connection refused")
                || lower.contains("no upstreams available") || lower.contains("connection reset")
                ? LogEvent.PROXY_UPSTREAM_UNAVAILABLE : LogEvent.OTHER;
        emit(n, time, fileNode, level, logger, sid, msg, event, LogFact.detail(msg), null);
        return;
      }
      // the raw line holds every request header (cookies included): the message is the request
      emit(n, time, fileNode, level, logger, sid, method + " " + uri + " " + status, LogEvent.HTTP_ACCESS,
          null, access);
    }
  }
}
