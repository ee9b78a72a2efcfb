package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.engineio.EngineIoQuery;
import io.siodoctor.parsers.record.HttpAccess;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogFact;
import io.siodoctor.parsers.record.LogFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS Application Load Balancer access logs: {@code type time elb client:port target:port
 * request_processing_time target_processing_time response_processing_time elb_status_code
 * target_status_code received_bytes sent_bytes "request" "user_agent" ssl_cipher ssl_protocol
 * target_group_arn "trace_id" "domain_name" "chosen_cert_arn" matched_rule_priority
 * request_creation_time "actions_executed" "redirect_url" "error_reason" ...}.
 *
 * <p>Every line is an {@link LogEvent#HTTP_ACCESS}. The time is the {@code time} field: when the
 * ALB sent the response, and for {@code ws}/{@code wss} when the connection closed, the same
 * end-of-request convention as the nginx parser. {@code durationMs} is {@code time −
 * request_creation_time} when both are present (for WebSockets: the connection lifetime; for HTTP
 * it includes the time the ALB waited for a target that never answered), else the sum of the
 * three processing times that are not -1. The status is {@code elb_status_code} (what the client
 * got); the fact is {@code error_reason} when the ALB gave one; the node is the load
 * balancer's name; the upstream is {@code target:port}.
 */
public final class AwsAlbLogParser extends LineLogParser {

  /** The first field of every ALB access log entry: the request type. */
  private static final java.util.Set<String> TYPES = java.util.Set.of("http", "https", "h2", "grpcs", "ws", "wss");

  public AwsAlbLogParser() {
    super(LogFormat.AWS_ALB);
  }

  @Override
  public MatchStrength match(byte[] head, int length) {
    return HeadLines.mostlyMatch(head, length, readsLine()) ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new AlbState(file, sink);
  }

  /** Splits on spaces, keeping double-quoted fields whole (without their quotes). */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>(32);
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
      if (i >= n) {
        break;
      }
      if (line.charAt(i) == '"') {
        int j = i + 1;
        StringBuilder sb = null;
        while (j < n && line.charAt(j) != '"') {
          if (line.charAt(j) == '\\' && j + 1 < n) {
            if (sb == null) {
              sb = new StringBuilder(line.substring(i + 1, j));
            }
            sb.append(line.charAt(j + 1));
            j += 2;
            continue;
          }
          if (sb != null) {
            sb.append(line.charAt(j));
          }
          j++;
        }
        out.add(sb != null ? sb.toString() : line.substring(i + 1, Math.min(j, n)));
        i = j + 1;
      } else {
        int j = line.indexOf(' ', i);
        if (j < 0) {
          j = n;
        }
        out.add(line.substring(i, j));
        i = j;
      }
    }
    return out;
  }

  private static final class AlbState extends ParseState {
    private final TimeReader times = new TimeReader();

    AlbState(String file, RecordSink sink) {
      super(file, sink, LogFormat.AWS_ALB);
    }

    @Override
    protected void line(byte[] b, int s, int e, long n) {
      if (s == e) {
        return;
      }
      String line = Ascii.str(b, s, e);
      List<String> f = fields(line);
      if (f.size() < 13 || !TYPES.contains(f.get(0))) {
        emitOther(n, line);
        return;
      }
      String ts = f.get(1);
      byte[] tb = ts.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      if (times.readIso(tb, 0, tb.length) != tb.length) {
        emitOther(n, line);
        return;
      }
      Instant time = times.instant();
      lastTime = time;
      String elb = f.get(2);
      String client = f.get(3);
      int c = client.lastIndexOf(':');
      String clientIp = c > 0 ? client.substring(0, c) : client;
      String target = "-".equals(f.get(4)) ? null : f.get(4);
      double req = seconds(f.get(5));
      double tgt = seconds(f.get(6));
      double resp = seconds(f.get(7));
      int status = intOr(f.get(8), 0);
      long sent = intOr(f.get(11), -1);
      String request = f.get(12);
      RequestLine requestLine = RequestLine.of(request);
      String method = requestLine.method();
      String url = requestLine.url();
      String ua = f.size() > 13 && !"-".equals(f.get(13)) ? f.get(13) : null;
      double duration = -1;
      if (f.size() > 21) {
        byte[] cb = f.get(21).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        long endS = times.epochSecond();
        int endN = times.nanos();
        if (times.readIso(cb, 0, cb.length) == cb.length) {
          duration =
              (endS - times.epochSecond()) * 1000.0 + (endN - times.nanos()) / 1_000_000.0;
          if (duration < 0) {
            duration = -1;
          }
        }
      }
      if (duration < 0 && (req >= 0 || tgt >= 0 || resp >= 0)) {
        duration = (Math.max(req, 0) + Math.max(tgt, 0) + Math.max(resp, 0)) * 1000.0;
      }
      String detail = f.size() > 24 && !"-".equals(f.get(24)) ? f.get(24) : null;
      EngineIoQuery eio = LogUrls.query(url);
      String sid = LogUrls.sidOf(eio, url);
      HttpAccess access =
          new HttpAccess(clientIp, method, url, status, sent, duration, target, ua, null, eio);
      emit(n, time, elb, null, null, sid, line, LogEvent.HTTP_ACCESS, LogFact.detail(detail), access);
    }

    private static double seconds(String s) {
      try {
        double v = Double.parseDouble(s);
        return v < 0 ? -1 : v;
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    private static int intOr(String s, int dflt) {
      try {
        return Integer.parseInt(s);
      } catch (NumberFormatException e) {
        return dflt;
      }
    }
  }
}
