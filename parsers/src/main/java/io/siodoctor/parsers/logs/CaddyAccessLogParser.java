package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import java.io.IOException;
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
   * Jackson's streaming reader, as for the other JSON lines ({@link JsonLinesLogParser}): no tree,
   * and none of an {@code ObjectMapper}'s start-up cost (its default date format's calendar data)
   * for every input whose first byte is a {@code {}. Nesting is bounded as the tree reader's was.
   */
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
      .build();

  /** A member whose value is JSON {@code null}, and one that is an object or an array. */
  private static final Object NULL = new Object();
  private static final Object CONTAINER = new Object();

  public CaddyAccessLogParser() {
    super(LogFormat.CADDY_ACCESS);
  }

  /**
   * Detected with the parser's own line reader: a line counts when {@link CaddyState} reads it as
   * a JSON object whose {@code logger} is one of Caddy's HTTP loggers ({@code http.log.access…},
   * {@code http.log.error…}), Caddy's own mark; at least one such line, and at least four lines in
   * five read as JSON objects.
   */
  @Override
  public MatchStrength match(byte[] head, int length) {
    if (HeadLines.firstNonSpace(head, length) != '{' || HeadLines.binary(head, length)) {
      return MatchStrength.NO_MATCH;
    }
    List<String> lines = HeadLines.nonBlank(head, length, 50);
    CaddyState reader = (CaddyState) openForHead();
    int json = 0;
    int caddy = 0;
    for (String l : lines) {
      if (reads(reader, l)) {
        caddy++;
      }
      if (reader.object) {
        json++;
      }
    }
    return caddy >= 1 && json * 5 >= lines.size() * 4 ? MatchStrength.FULL_MATCH : MatchStrength.NO_MATCH;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new CaddyState(file, sink);
  }

  /**
   * The members of one line that the parse reads, each as a tree would hold it: a String, a
   * Long or BigInteger, a Double, a Boolean, {@link #NULL} or {@link #CONTAINER} (null when absent);
   * for the arrays of header values, their first item. The last of a repeated member wins.
   */
  private static final class CaddyLine {
    Object ts;
    Object logger;
    Object level;
    Object msg;
    Object status;
    Object duration;
    Object size;
    Object upgrade;
    /** The last {@code request} member was an object; its members are below. */
    boolean request;
    Object uri;
    Object method;
    Object remoteIp;
    Object userAgent;

    void read(JsonParser jp) throws IOException {
      while (member(jp)) {
        String name = jp.currentName();
        JsonToken v = jp.nextToken();
        switch (name) {
          case "ts" -> ts = value(jp, v);
          case "logger" -> logger = value(jp, v);
          case "level" -> level = value(jp, v);
          case "msg" -> msg = value(jp, v);
          case "status" -> status = value(jp, v);
          case "duration" -> duration = value(jp, v);
          case "size" -> size = value(jp, v);
          case "request" -> readRequest(jp, v);
          case "resp_headers" -> upgrade = v == JsonToken.START_OBJECT ? header(jp, "Upgrade") : skip(jp, null);
          default -> value(jp, v);
        }
      }
    }

    private void readRequest(JsonParser jp, JsonToken v) throws IOException {
      uri = null;
      method = null;
      remoteIp = null;
      userAgent = null;
      request = v == JsonToken.START_OBJECT;
      if (!request) {
        value(jp, v);
        return;
      }
      while (member(jp)) {
        String name = jp.currentName();
        JsonToken m = jp.nextToken();
        switch (name) {
          case "uri" -> uri = value(jp, m);
          case "method" -> method = value(jp, m);
          case "remote_ip" -> remoteIp = value(jp, m);
          case "headers" -> userAgent = m == JsonToken.START_OBJECT ? header(jp, "User-Agent") : skip(jp, null);
          default -> value(jp, m);
        }
      }
    }

    /** The first value of header {@code name} in a headers object (Caddy writes arrays); null when none. */
    private static Object header(JsonParser jp, String name) throws IOException {
      Object first = null;
      while (member(jp)) {
        boolean wanted = name.equals(jp.currentName());
        JsonToken v = jp.nextToken();
        if (wanted && v == JsonToken.START_ARRAY) {
          first = null;
          boolean firstItem = true;
          for (JsonToken item = jp.nextToken(); item != JsonToken.END_ARRAY; item = jp.nextToken()) {
            Object value = value(jp, item);
            if (firstItem) {
              first = value;
              firstItem = false;
            }
          }
        } else {
          value(jp, v);
          if (wanted) {
            first = null;
          }
        }
      }
      return first;
    }

    /** Moves to the next member's name: true; false at the object's end, which must be there. */
    private static boolean member(JsonParser jp) throws IOException {
      JsonToken t = jp.nextToken();
      if (t == JsonToken.END_OBJECT) {
        return false;
      }
      if (t != JsonToken.FIELD_NAME) {
        throw new IOException("cut short");
      }
      return true;
    }

    /** Skips the container the parser is at; returns {@code result}. */
    private static Object skip(JsonParser jp, Object result) throws IOException {
      jp.skipChildren();
      return result;
    }

    /** The value at token {@code v} as a tree holds it; containers are consumed. */
    private static Object value(JsonParser jp, JsonToken v) throws IOException {
      if (v == null) {
        throw new IOException("cut short");
      }
      return switch (v) {
        case VALUE_STRING -> jp.getText();
        case VALUE_NUMBER_INT -> jp.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? jp.getBigIntegerValue() : (Object) jp.getLongValue();
        case VALUE_NUMBER_FLOAT -> jp.getDoubleValue();
        case VALUE_TRUE -> Boolean.TRUE;
        case VALUE_FALSE -> Boolean.FALSE;
        case VALUE_NULL -> NULL;
        default -> skip(jp, CONTAINER);
      };
    }
  }

  /** A value as a tree's {@code asText(fallback)}: null and absent give {@code fallback}, containers "". */
  private static String text(Object v, String fallback) {
    if (v == null || v == NULL) {
      return fallback;
    }
    return v == CONTAINER ? "" : v.toString();
  }

  /** A value as a tree's {@code asDouble()}: numbers, numbers written as text, else 0. */
  private static double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /** A value as a tree's {@code asLong(fallback)}: numbers (cut to whole), numbers written as text. */
  private static long whole(Object v, long fallback) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      String t = s.trim();
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException e) {
        try {
          return (long) Double.parseDouble(t);
        } catch (NumberFormatException notANumber) {
          return fallback;
        }
      }
    }
    return fallback;
  }

  private static final class CaddyState extends ParseState {
    /** Whether the last line read was a JSON object (detection counts them). */
    private boolean object;

    CaddyState(String file, RecordSink sink) {
      super(file, sink, LogFormat.CADDY_ACCESS);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      object = false;
      if (s == e) {
        return;
      }
      String line = Ascii.str(b, s, e);
      CaddyLine o = new CaddyLine();
      try (JsonParser jp = JSON.createParser(line)) {
        if (jp.nextToken() != JsonToken.START_OBJECT) {
          emitOther(n, line);
          return;
        }
        o.read(jp);
      } catch (IOException | RuntimeException ex) {
        emitOther(n, line);
        return;
      }
      object = true;
      Instant time = lastTime;
      if (o.ts instanceof Number) {
        double sec = ((Number) o.ts).doubleValue();
        // a double holds microseconds of an epoch second exactly enough; nanoseconds are noise
        long micros = Math.round((sec - Math.floor(sec)) * 1e6);
        time = Instant.ofEpochSecond((long) Math.floor(sec), micros * 1000);
        lastTime = time;
      }
      String logger = text(o.logger, null);
      String level = text(o.level, null);
      String msg = text(o.msg, "");
      if (logger == null || !(logger.startsWith("http.log.access") || logger.startsWith("http.log.error"))) {
        // JSON, but not a line of Caddy's HTTP loggers: read as before, not counted by detection
        keptAsText();
      }
      if (logger == null || !o.request) {
        emit(n, time, fileNode, level, logger, null, msg, LogEvent.OTHER, null, null);
        return;
      }
      String uri = text(o.uri, "");
      String method = text(o.method, null);
      String clientIp = text(o.remoteIp, null);
      String userAgent = o.userAgent == null ? null : text(o.userAgent, "null");
      int status = (int) whole(o.status, -1);
      if (status == 0 && o.upgrade != null && "websocket".equalsIgnoreCase(text(o.upgrade, "null"))) {
        status = 101;
      }
      double durationMs = o.duration != null ? number(o.duration) * 1000.0 : -1;
      long bytes = o.size != null ? whole(o.size, 0) : -1;
      EngineIoQuery q = LogUrls.query(uri);
      String sid = LogUrls.sidOf(q, uri);
      HttpAccess access = new HttpAccess(clientIp, method, uri, status, bytes, durationMs, null, userAgent, null, q);
      if (logger.startsWith("http.log.error")) {
        String lower = msg.toLowerCase(Locale.ROOT);
        // reverse_proxy's statusError answers a timeout 504 and a failed dial 502 whatever the Go
        // error's words (dial tcp / dial unix, lookup, TLS): the line's status says it when they do not
        LogEvent event = lower.contains("timeout") || lower.contains("deadline exceeded") || status == 504
            ? LogEvent.PROXY_UPSTREAM_TIMEOUT
            : lower.contains("dial tcp") || lower.contains("dial unix") || lower.contains("connection refused")
                || lower.contains("no upstreams available") || lower.contains("connection reset") || status == 502
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
