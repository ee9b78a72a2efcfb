package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;
import java.util.List;

/**
 * Envoy access logs in the documented default format
 * (https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage#default-format-string):
 * {@code [%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%"
 * %RESPONSE_CODE% %RESPONSE_FLAGS% %BYTES_RECEIVED% %BYTES_SENT% %DURATION%
 * %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%" "%REQ(USER-AGENT)%"
 * "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%"}. Envoy is not packaged here: the
 * tests use fixtures built from that documentation.
 *
 * <p>Every line is one record with {@code access} filled, its time the end ({@code START_TIME +
 * DURATION}) and its fact the response flags (a {@code LogFact.Detail}): an {@link LogEvent#HTTP_ACCESS}, or,
 * when the flags say why the proxy failed, that proxy event (one fact per line, as nginx's error
 * log gives it): {@code UF}, {@code UH},
 * {@code URX}, {@code UO} → {@link LogEvent#PROXY_UPSTREAM_UNAVAILABLE}; {@code UT} → {@link
 * LogEvent#PROXY_UPSTREAM_TIMEOUT}; {@code SI} (stream idle timeout) on an upgraded 101 → {@link
 * LogEvent#PROXY_UPGRADED_TIMEOUT}; {@code UC} on a 101 → {@link LogEvent#PROXY_UPGRADED_CLOSED}
 * (https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage#config-access-log-format-response-flags).
 */
public final class EnvoyAccessLogParser extends LineLogParser {

  public EnvoyAccessLogParser() {
    super(LogFormat.ENVOY_ACCESS);
  }

  /** Detected with the parser's own line reader: the default format with an ISO start time. */
  @Override
  public MatchStrength match(byte[] head, int length) {
    return HeadLines.mostlyMatch(head, length, readsLine()) ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
  }

  /** The reader's shape test: {@code [<ISO time>] "<request>" <code> <flags> <n> <n> <n> ...}. */
  private static boolean looksLikeEnvoy(String l) {
    if (l.length() < 40 || l.charAt(0) != '[' || l.charAt(5) != '-' || l.charAt(11) != 'T') {
      return false;
    }
    int close = l.indexOf("] \"");
    if (close < 20 || close > 40) {
      return false;
    }
    List<String> f = AwsAlbLogParser.fields(l.substring(close + 2));
    return f.size() >= 6 && isNumber(f.get(1)) && isNumber(f.get(3)) && isNumber(f.get(4))
        && isNumber(f.get(5));
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 15) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new EnvoyState(file, sink);
  }

  private static final class EnvoyState extends ParseState {
    private final TimeReader times = new TimeReader();

    EnvoyState(String file, RecordSink sink) {
      super(file, sink, LogFormat.ENVOY_ACCESS);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      if (s == e) {
        return;
      }
      String line = Ascii.str(b, s, e);
      int close = line.indexOf("] \"");
      if (!looksLikeEnvoy(line) || times.readIso(b, s + 1, s + close) != s + close) {
        emitOther(n, line);
        return;
      }
      Instant start = times.instant();
      List<String> f = AwsAlbLogParser.fields(line.substring(close + 2));
      String request = f.get(0);
      RequestLine requestLine = RequestLine.of(request);
      String method = requestLine.method();
      String url = requestLine.url();
      int status = Integer.parseInt(f.get(1));
      String flags = "-".equals(f.get(2)) ? null : f.get(2);
      long sent = Long.parseLong(f.get(4));
      long duration = Long.parseLong(f.get(5));
      String xff = f.size() > 7 && !"-".equals(f.get(7)) ? f.get(7) : null;
      String clientIp = xff == null ? null : xff.split(",")[0].trim();
      String ua = f.size() > 8 && !"-".equals(f.get(8)) ? f.get(8) : null;
      String upstream = f.size() > 11 && !"-".equals(f.get(11)) ? f.get(11).replace("tcp://", "") : null;
      Instant time = start.plusMillis(duration);
      lastTime = time;
      EngineIoQuery q = LogUrls.query(url);
      String sid = LogUrls.sidOf(q, url);
      HttpAccess access = new HttpAccess(clientIp, method, url, status, sent, duration, upstream, ua, null, q);
      LogEvent proxy = flags == null ? null : proxyEvent(flags, status);
      emit(n, time, fileNode, null, null, sid, line, proxy != null ? proxy : LogEvent.HTTP_ACCESS, LogFact.detail(flags),
          access);
    }

    /** What the response flags (comma-separated) say the proxy saw, or null. */
    private static LogEvent proxyEvent(String flags, int status) {
      for (String flag : flags.split(",")) {
        switch (flag) {
          case "UF", "UH", "URX", "UO":
            return LogEvent.PROXY_UPSTREAM_UNAVAILABLE;
          case "UT":
            return LogEvent.PROXY_UPSTREAM_TIMEOUT;
          case "SI":
            return status == 101 ? LogEvent.PROXY_UPGRADED_TIMEOUT : LogEvent.PROXY_UPSTREAM_TIMEOUT;
          case "UC":
            return status == 101 ? LogEvent.PROXY_UPGRADED_CLOSED : null;
          default:
            break;
        }
      }
      return null;
    }
  }
}
