package io.siodoctor.parsers.logs;

import com.fasterxml.jackson.core.format.MatchStrength;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.LogFormat;

/**
 * Traefik access logs in their default Common Log Format
 * (https://doc.traefik.io/traefik/observability/access-logs/#clf-common-log-format): {@code
 * <remote_IP_address> - <client_user_name_if_available> [<timestamp>] "<request_method>
 * <request_path> <request_protocol>" <HTTP_status> <content-length> "<request_referrer>"
 * "<request_user_agent>" <number_of_requests_received_since_Traefik_started> "<Traefik_router_name>"
 * "<Traefik_server_URL>" <request_duration_in_ms>ms}. Traefik is not packaged here: the tests use
 * fixtures built from that documented format. The timestamp is the request's start, so the
 * record's time is it plus the duration; the upstream is the server URL's host:port.
 */
public final class TraefikAccessLogParser extends LineLogParser {

  public TraefikAccessLogParser() {
    super(LogFormat.TRAEFIK_ACCESS);
  }

  @Override
  public MatchStrength match(byte[] head, int length) {
    return NginxAccessLogParser.combined(head, length) && hasTail(head, length) ? MatchStrength.FULL_MATCH : MatchStrength.NO_MATCH;
  }

  /** Whether at least one, and at least half, of the head's lines end the way this format's do. */
  static boolean hasTail(byte[] head, int length) {
    return HeadLines.mostlyMatch(head, length, TraefikAccessLogParser::endsWithQuotedUrlThenMillis);
  }

  /** {@code ..." 12ms} at the end of the line (after the quoted server URL). */
  static boolean endsWithQuotedUrlThenMillis(String l) {
    int e = l.length();
    if (e < 5 || l.charAt(e - 1) != 's' || l.charAt(e - 2) != 'm') {
      return false;
    }
    int i = e - 2;
    while (i > 0 && Character.isDigit(l.charAt(i - 1))) {
      i--;
    }
    return i < e - 2 && i >= 2 && l.charAt(i - 1) == ' ' && l.charAt(i - 2) == '"';
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new NginxAccessLogParser.AccessState(file, sink, LogFormat.TRAEFIK_ACCESS,
        NginxAccessLogParser.Flavour.TRAEFIK);
  }
}
