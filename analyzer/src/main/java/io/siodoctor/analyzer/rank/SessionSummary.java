package io.siodoctor.analyzer.rank;

import java.util.List;

/** One session in the report ({@code sessions[]}): how it went, in one line of fields. */
public record SessionSummary(
    String sid,
    String protocol,
    String serverProtocol,
    List<String> transports,
    String upgrade,
    String opened,
    String closed,
    String closeReason,
    List<String> nodes) {

  public SessionSummary {
    transports = List.copyOf(transports);
    nodes = List.copyOf(nodes);
  }
}
