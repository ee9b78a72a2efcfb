package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * nginx error logs: {@code 2026/11/26 03:00:00 [error] 123#123: *5 connect() failed (111:
 * Connection refused) while connecting to upstream, client: ..., request: "GET /socket.io/?...",
 * upstream: "...", host: "..."}.
 *
 * <p>Events and facts: what {@link NginxErrorMessages} recognises from the nginx-core message texts
 * (proxy errors with their errno, too large bodies). The sid comes from the {@code request:} URL
 * (else the {@code upstream:} URL).
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
    private final EngineIoMessages.Result result = new EngineIoMessages.Result();
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
      NginxErrorMessages.recognise(msg, result);
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
      emit(n, time, fileNode, level, null, sid, msg, result.event, result.fact,
          result.event == LogEvent.PROXY_LIMIT_REFUSED ? refusedRequest(msg, r) : null);
    }

    /**
     * The request a limit refused, from the line's {@code client:} and {@code request:} fields
     * (status unknown: {@code limit_conn_status} / {@code limit_req_status} set it), so that its
     * access-log line and the browser's entry can be told apart from a down backend's.
     */
    private static HttpAccess refusedRequest(String msg, int r) {
      if (r < 0) {
        return null;
      }
      int end = msg.indexOf('"', r + 10);
      String request = msg.substring(r + 10, end < 0 ? msg.length() : end);
      int sp1 = request.indexOf(' ');
      int sp2 = request.lastIndexOf(' ');
      if (sp1 <= 0) {
        return null;
      }
      String url = sp2 > sp1 ? request.substring(sp1 + 1, sp2) : request.substring(sp1 + 1);
      String client = null;
      int c = msg.indexOf("client: ");
      if (c >= 0) {
        int ce = msg.indexOf(',', c + 8);
        client = msg.substring(c + 8, ce < 0 ? msg.length() : ce);
      }
      return new HttpAccess(client, request.substring(0, sp1), url, -1, -1, -1, null, null, null, LogUrls.query(url));
    }
  }
}
