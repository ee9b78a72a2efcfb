package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One JSON object per line, from pino ({@code time} epoch ms, numeric {@code level}, {@code msg},
 * {@code hostname}), bunyan ({@code time} ISO, {@code msg}, {@code hostname}, numeric {@code
 * level}), winston ({@code timestamp}, {@code level}, {@code message}), ECS/logstash ({@code
 * @timestamp}) and Docker's json-file driver ({@code log}, {@code stream}, {@code time}).
 *
 * <p>The message is recognised like a debug line: when it holds debug output (with or without its
 * ISO time and namespace, as in Docker's {@code log} field) the namespace becomes the source and
 * the events of {@link EngineIoDebugLogParser} apply. The sid comes from a {@code sid}, {@code
 * engineSid}, {@code engine_sid} or {@code eioSid} field, else {@code socketId}/{@code socket_id}
 * (a v2 {@code /nsp#id} is cut to the id), else from the message text. The node comes from {@code
 * hostname}, {@code host}, {@code node} or {@code pod}, else the file name. Numeric pino/bunyan
 * levels become names (30 is {@code info}). Lines that are not JSON objects are kept as OTHER.
 */
public final class JsonLinesLogParser extends LineLogParser {

  private static final JsonFactory JSON = new JsonFactory();

  public JsonLinesLogParser() {
    super(LogFormat.JSON_LINES);
  }

  /**
   * Detected with the parser's own line reader: a line counts when it reads a complete object
   * with a textual message and a time or level at the top level (a log object); at least one,
   * and at least four lines in five.
   */
  @Override
  public MatchStrength match(byte[] head, int length) {
    if (HeadLines.firstNonSpace(head, length) != '{' || HeadLines.binary(head, length)) {
      return MatchStrength.NO_MATCH;
    }
    List<String> lines = HeadLines.nonBlank(head, length, 50);
    if (lines.isEmpty()) {
      return MatchStrength.NO_MATCH;
    }
    java.util.function.Predicate<String> logObject = readsLine();
    int ok = 0;
    for (String l : lines) {
      if (logObject.test(l.trim())) {
        ok++;
      }
    }
    // Caddy's access log is JSON lines too: its parser's FULL_MATCH outranks this one
    return ok >= 1 && ok * 5 >= lines.size() * 4 ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new JsonState(file, sink);
  }

  private static final class JsonState extends ParseState {
    private final TimeReader times = new TimeReader();
    private final EngineIoMessages.Result result = new EngineIoMessages.Result();

    JsonState(String file, RecordSink sink) {
      super(file, sink, LogFormat.JSON_LINES);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      int p = Ascii.skipSpaces(b, s, e);
      if (p == e) {
        return;
      }
      if (b[p] != '{') {
        emitOther(n, Ascii.str(b, s, e));
        return;
      }
      Instant time = null;
      String level = null;
      String message = null;
      String host = null;
      String source = null;
      String sid = null;
      String socketId = null;
      boolean timeOrLevel = false;
      boolean complete = false;
      try (JsonParser jp = JSON.createParser(b, p, e - p)) {
        jp.nextToken();
        JsonToken t;
        while ((t = jp.nextToken()) == JsonToken.FIELD_NAME) {
          String name = jp.currentName();
          JsonToken v = jp.nextToken();
          if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            jp.skipChildren();
            continue;
          }
          switch (name) {
            case "time":
            case "timestamp":
            case "@timestamp":
            case "ts":
              timeOrLevel = true;
              // fall through: read as the other time fields are
            case "date":
            case "datetime":
              if (time == null) {
                time = time(jp, v);
              }
              break;
            case "level":
            case "severity":
              timeOrLevel = true;
              // fall through: read as the other level field is
            case "levelname":
              if (level == null) {
                level = level(jp, v);
              }
              break;
            case "msg":
            case "message":
            case "@message":
            case "log":
              if (message == null && v == JsonToken.VALUE_STRING) {
                message = jp.getText();
              }
              break;
            case "hostname":
            case "host":
            case "node":
            case "pod":
              if (host == null && v == JsonToken.VALUE_STRING) {
                host = jp.getText();
              }
              break;
            case "name":
            case "logger":
            case "namespace":
            case "context":
              if (source == null && v == JsonToken.VALUE_STRING) {
                source = jp.getText();
              }
              break;
            case "sid":
            case "engineSid":
            case "engine_sid":
            case "eioSid":
              if (sid == null && v == JsonToken.VALUE_STRING) {
                sid = jp.getText();
              }
              break;
            case "socketId":
            case "socket_id":
              if (socketId == null && v == JsonToken.VALUE_STRING) {
                socketId = jp.getText();
              }
              break;
            default:
              break;
          }
        }
        complete = t == JsonToken.END_OBJECT && nothingAfter(jp);
      } catch (IOException | RuntimeException ex) {
        warnOnce("json", "line " + n + " is not a complete JSON object; such lines are kept as text");
        emitOther(n, Ascii.str(b, s, e));
        return;
      }
      if (!complete || message == null || !timeOrLevel) {
        // read as before, but not the log object detection counts
        keptAsText();
      }
      if (message == null) {
        message = "";
      }
      // strip a trailing newline (Docker's "log") and a debug prefix
      int me = message.length();
      while (me > 0 && (message.charAt(me - 1) == '\n' || message.charAt(me - 1) == '\r')) {
        me--;
      }
      if (me < message.length()) {
        message = message.substring(0, me);
      }
      String ns = null;
      String text = message;
      int ms = debugPrefix(message);
      if (ms > 0) {
        int sp = message.indexOf(' ', ms);
        String token = sp < 0 ? null : message.substring(ms, sp);
        if (token != null && EngineIoDebugLogParser.isNamespace(token)) {
          ns = token;
          text = message.substring(sp + 1);
          if (time == null && ms >= 25) {
            byte[] tb = message.substring(0, 24).getBytes(StandardCharsets.ISO_8859_1);
            if (times.readIso(tb, 0, tb.length) == tb.length) {
              time = times.instant();
            }
          }
        }
      } else {
        int sp = message.indexOf(' ');
        if (sp > 0 && EngineIoDebugLogParser.isNamespace(message.substring(0, sp))) {
          ns = message.substring(0, sp);
          text = message.substring(sp + 1);
        }
      }
      EngineIoMessages.recognise(ns, text, result);
      LogEvent event = result.event;
      LogFact fact = result.fact;
      String textSid = result.sid;
      if (event == LogEvent.OTHER && ns == null && PythonEngineIoMessages.recognise(text, result)) {
        event = result.event;
        fact = result.fact;
        if (result.sid != null) {
          textSid = result.sid;
        }
      }
      if (event == LogEvent.OTHER) {
        // an application's connection_error listener logging through its own logger (with a prefix
        // of its own, "engine.io connection_error: …", that may look like a namespace)
        LogEvent refused = ConnectionErrorLines.named(MessageText.of(text));
        if (refused != null) {
          event = refused;
          fact = LogFact.NONE;
        }
      }
      if (sid == null) {
        sid = textSid;
      }
      if (sid == null && socketId != null) {
        int hash = socketId.indexOf('#');
        sid = hash >= 0 ? socketId.substring(hash + 1) : socketId;
      }
      if (time != null) {
        lastTime = time;
      }
      emit(n, time, host != null ? host : fileNode, level, ns != null ? ns : source, sid, text,
          event, fact, null);
    }

    /** Whether the object just closed ends the line (what follows it is not read otherwise). */
    private static boolean nothingAfter(JsonParser jp) {
      try {
        return jp.nextToken() == null;
      } catch (IOException | RuntimeException ex) {
        return false;
      }
    }

    /** The offset after an ISO "....Z " prefix at the start of a message, or 0. */
    private static int debugPrefix(String m) {
      if (m.length() > 25 && m.charAt(4) == '-' && m.charAt(10) == 'T' && m.charAt(23) == 'Z'
          && m.charAt(24) == ' ') {
        return 25;
      }
      return 0;
    }

    private Instant time(JsonParser jp, JsonToken v) throws IOException {
      if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
        double d = jp.getDoubleValue();
        long ms;
        if (d > 1e14) {
          ms = (long) (d / 1000); // microseconds
        } else if (d > 1e11) {
          ms = (long) d; // milliseconds
        } else {
          ms = (long) (d * 1000); // seconds
        }
        times.setEpochMillis(ms);
        return times.instant();
      }
      if (v == JsonToken.VALUE_STRING) {
        String s = jp.getText();
        byte[] tb = s.getBytes(StandardCharsets.ISO_8859_1);
        int q = times.readIso(tb, 0, tb.length);
        if (q > 0) {
          return times.instant();
        }
      }
      return null;
    }

    private static String level(JsonParser jp, JsonToken v) throws IOException {
      if (v == JsonToken.VALUE_NUMBER_INT) {
        int l = jp.getIntValue();
        if (l >= 60) {
          return "fatal";
        }
        if (l >= 50) {
          return "error";
        }
        if (l >= 40) {
          return "warn";
        }
        if (l >= 30) {
          return "info";
        }
        if (l >= 20) {
          return "debug";
        }
        return "trace";
      }
      return v == JsonToken.VALUE_STRING ? jp.getText() : null;
    }
  }
}
