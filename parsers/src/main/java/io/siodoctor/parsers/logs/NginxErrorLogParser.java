package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * nginx error logs: {@code 2026/11/26 03:00:00 [error] 123#123: *5 connect() failed (111:
 * Connection refused) while connecting to upstream, client: ..., request: "GET /socket.io/?...",
 * upstream: "...", host: "..."}.
 *
 * <p>Events (from the nginx-core message texts):
 *
 * <ul>
 *   <li>{@link LogEvent#PROXY_UPSTREAM_UNAVAILABLE}: {@code connect() failed}, {@code connect() to
 *       ... failed}, {@code no live upstreams}, {@code upstream prematurely closed connection},
 *       {@code recv() failed ... while reading response header}, {@code upstream timed out ...
 *       while connecting to upstream};
 *   <li>{@link LogEvent#PROXY_UPSTREAM_TIMEOUT}: {@code upstream timed out} while reading the
 *       response (header or body) or sending the request;
 *   <li>{@link LogEvent#PROXY_UPGRADED_TIMEOUT}: {@code upstream timed out ... while proxying
 *       upgraded connection};
 *   <li>{@link LogEvent#PROXY_UPGRADED_CLOSED}: any other error {@code while proxying upgraded
 *       connection} ({@code client closed connection}, {@code recv() failed (104: ...)});
 *   <li>{@link LogEvent#PAYLOAD_TOO_LARGE}: {@code client intended to send too large body}.
 * </ul>
 *
 * the fact is the errno text in parentheses ({@code 111: Connection refused}) or, for
 * a too-large body, the size. The sid comes from the {@code request:} URL (else the {@code
 * upstream:} URL).
 *
 * <p>nginx writes local time without a zone. Times are read in the zone given to the constructor,
 * UTC by default, and a warning says so once per input.
 */
public final class NginxErrorLogParser extends LineLogParser {

  private final ZoneId zone;

  public NginxErrorLogParser() {
    this(ZoneOffset.UTC);
  }

  /** @param zone the zone nginx's local times are in */
  public NginxErrorLogParser(ZoneId zone) {
    super(LogFormat.NGINX_ERROR);
    this.zone = zone == null ? ZoneOffset.UTC : zone;
  }

  @Override
  public MatchStrength match(byte[] head, int length) {
    return HeadLines.mostlyMatch(head, length, readsLine()) ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new ErrorState(file, sink);
  }

  private final class ErrorState extends ParseState {
    private final TimeReader times = new TimeReader(zone);
    private final StringCache cache = new StringCache();
    private boolean zoneWarned;

    ErrorState(String file, RecordSink sink) {
      super(file, sink, LogFormat.NGINX_ERROR);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      if (s == e) {
        return;
      }
      int q = times.readSlashed(b, s, e);
      if (q < 0 || q + 3 >= e || b[q] != ' ' || b[q + 1] != '[') {
        emitOther(n, Ascii.str(b, s, e));
        return;
      }
      Instant time = times.instant();
      if (!times.zoned() && !zoneWarned) {
        // once per input: building the message on every line was 10 % of the parse
        zoneWarned = true;
        warnOnce(
            "zone",
            "nginx error log times carry no zone; they were read as "
                + (zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId()));
      }
      lastTime = time;
      int lb = q + 1;
      int rb = Ascii.indexOf(b, lb, Math.min(e, lb + 16), (byte) ']');
      String level = rb < 0 ? null : cache.get(b, lb + 1, rb);
      int p = rb < 0 ? lb : rb + 1;
      p = Ascii.skipSpaces(b, p, e);
      // pid#tid:
      int colon = Ascii.indexOf(b, p, Math.min(e, p + 32), (byte) ':');
      if (colon > p && Ascii.indexOf(b, p, colon, (byte) '#') > 0) {
        p = Ascii.skipSpaces(b, colon + 1, e);
      }
      String msg = Ascii.str(b, p, e);
      LogEvent event = LogEvent.OTHER;
      String detail = null;
      if (msg.indexOf("while proxying upgraded connection") >= 0) {
        event =
            msg.indexOf("upstream timed out") >= 0
                ? LogEvent.PROXY_UPGRADED_TIMEOUT
                : LogEvent.PROXY_UPGRADED_CLOSED;
        detail = errno(msg);
      } else if (msg.indexOf("upstream timed out") >= 0) {
        event =
            msg.indexOf("while connecting to upstream") >= 0
                ? LogEvent.PROXY_UPSTREAM_UNAVAILABLE
                : LogEvent.PROXY_UPSTREAM_TIMEOUT;
        detail = errno(msg);
      } else if (msg.indexOf("connect() failed") >= 0
          || (msg.indexOf("connect() to ") >= 0 && msg.indexOf(" failed") >= 0)
          || msg.indexOf("no live upstreams") >= 0
          // only before the response header: "... while reading upstream" comes after an answer
          || (msg.indexOf("upstream prematurely closed connection") >= 0
              && msg.indexOf("while reading upstream") < 0)
          || (msg.indexOf("failed (") >= 0 && msg.indexOf("while reading response header") >= 0)) {
        event = LogEvent.PROXY_UPSTREAM_UNAVAILABLE;
        detail = errno(msg);
      } else if (msg.indexOf("client intended to send too large body") >= 0) {
        event = LogEvent.PAYLOAD_TOO_LARGE;
        int k = msg.indexOf("too large body: ");
        detail = k < 0 ? null : EngineIoMessages.word(msg, k + 16);
      }
      String sid = null;
      int r = msg.indexOf("request: \"");
      if (r >= 0) {
        int end = msg.indexOf('"', r + 10);
        sid = LogUrls.sidOfUrl(msg, r + 10, end < 0 ? msg.length() : end);
      }
      if (sid == null) {
        int u = msg.indexOf("upstream: \"");
        if (u >= 0) {
          int end = msg.indexOf('"', u + 11);
          sid = LogUrls.sidOfUrl(msg, u + 11, end < 0 ? msg.length() : end);
        }
      }
      emit(n, time, fileNode, level, null, sid, msg, event,
          event == LogEvent.PAYLOAD_TOO_LARGE ? LogFact.detail(detail) : LogFact.Errno.of(detail), null);
    }

    /** "111: Connection refused" from "connect() failed (111: Connection refused) while ...". */
    private String errno(String msg) {
      int o = msg.indexOf(" (");
      while (o >= 0) {
        int c = msg.indexOf(')', o);
        if (c < 0) {
          return null;
        }
        if (o + 2 < c && Character.isDigit(msg.charAt(o + 2))) {
          return msg.substring(o + 2, c);
        }
        o = msg.indexOf(" (", o + 2);
      }
      return null;
    }
  }
}
