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

  /**
   * Detected with the parser's own line reader: a line counts when the combined grammar reads it
   * and it ends as Apache's lines do ({@link NginxAccessLogParser.Flavour#marks}); at least one, and at
   * least half, of the head's lines.
   */
  @Override
  public MatchStrength match(byte[] head, int length) {
    return HeadLines.mostlyMatch(head, length, readsLine()) ? MatchStrength.FULL_MATCH : MatchStrength.NO_MATCH;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new NginxAccessLogParser.AccessState(file, sink, LogFormat.APACHE_ACCESS,
        NginxAccessLogParser.Flavour.APACHE);
  }
}
