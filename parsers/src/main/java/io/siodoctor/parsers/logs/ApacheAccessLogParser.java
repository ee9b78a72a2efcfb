package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogFormat;

/**
 * Apache httpd access logs in the {@code combined} format followed by a request time: {@code %D}
 * (microseconds, {@code LogFormat "... \"%{User-Agent}i\" %D"}) or {@code %T} (seconds). The grammar
 * is nginx's combined one ({@link NginxAccessLogParser.AccessState}); what differs is that
 * Apache's {@code %t} is when the request arrived, so the record's time is {@code %t} plus the
 * duration (the end, as for nginx), and a bare integer is the duration.
 *
 * <p>Detection: most lines are combined lines ending in a bare integer after the quoted user agent
 * (nginx's {@code $request_time} always has a decimal point). A combined log without a request
 * time cannot be told from nginx's and is read as {@code nginx-access}, with the same fields.
 */
public final class ApacheAccessLogParser extends LineLogParser {

  public ApacheAccessLogParser() {
    super(LogFormat.APACHE_ACCESS);
  }

  @Override
  public MatchStrength match(byte[] head, int length) {
    return NginxAccessLogParser.combined(head, length) && hasTail(head, length) ? MatchStrength.FULL_MATCH : MatchStrength.NO_MATCH;
  }

  /** Whether at least one, and at least half, of the head's lines end the way this format's do. */
  static boolean hasTail(byte[] head, int length) {
    return HeadLines.mostlyMatch(head, length, ApacheAccessLogParser::endsWithQuotedThenInteger);
  }

  /** {@code ..." 12345} at the end of the line: a quoted field, one space, digits. */
  static boolean endsWithQuotedThenInteger(String l) {
    int e = l.length();
    int i = e;
    while (i > 0 && Character.isDigit(l.charAt(i - 1))) {
      i--;
    }
    return i < e && i >= 2 && l.charAt(i - 1) == ' ' && l.charAt(i - 2) == '"';
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new NginxAccessLogParser.AccessState(file, sink, LogFormat.APACHE_ACCESS,
        NginxAccessLogParser.Flavour.APACHE);
  }
}
