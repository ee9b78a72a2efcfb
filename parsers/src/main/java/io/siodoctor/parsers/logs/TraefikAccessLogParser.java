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

  /**
   * Detected with the parser's own line reader: a line counts when the combined grammar reads it
   * and it ends as Traefik's lines do ({@link NginxAccessLogParser.Flavour#marks}); at least one, and at
   * least half, of the head's lines.
   */
  @Override
  public MatchStrength match(byte[] head, int length) {
    return HeadLines.mostlyMatch(head, length, readsLine()) ? MatchStrength.FULL_MATCH : MatchStrength.NO_MATCH;
  }

  @Override
  protected ParseState open(String file, RecordSink sink) {
    return new NginxAccessLogParser.AccessState(file, sink, LogFormat.TRAEFIK_ACCESS,
        NginxAccessLogParser.Flavour.TRAEFIK);
  }
}
