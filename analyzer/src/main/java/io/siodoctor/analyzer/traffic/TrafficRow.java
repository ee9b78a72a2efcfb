package io.siodoctor.analyzer.traffic;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One line of the report's request list: a Socket.IO-related request, WebSocket frame or log line,
 * with the fields a support engineer filters on. Built from a record, so it always points at a real
 * place ({@link #location}); input-derived text is masked with the report.
 *
 * @param id the row's anchor in the page ({@code r12}); timeline marks and evidence link to it
 * @param kind {@code request}, {@code websocket}, {@code frame} or {@code log}
 * @param time ISO-8601 instant, or "" when the input had none
 * @param sid the Engine.IO session, or "" for records outside any session
 * @param transport {@code polling}, {@code websocket} or ""
 * @param method the HTTP method ("" for frames and non-access log lines)
 * @param target URL path and query (masked), or "" when none
 * @param status the status or error as shown ({@code 200}, {@code 101}, {@code failed: net::ERR_…},
 *     {@code pending}, {@code sent}, {@code received}), or the log event
 * @param error whether the row shows a failure (status ≥ 400, refused, failed, error frame, error log)
 * @param node the server node or upstream that answered, or "" when not known
 * @param text the frame data, the log line or the response body excerpt (masked)
 * @param location {@code file location}, as evidence and timeline marks spell it
 * @param packets the decoded Engine.IO/Socket.IO packets, one line each, in wire order
 */
public record TrafficRow(
    String id,
    String kind,
    String time,
    String sid,
    String transport,
    String method,
    String target,
    String status,
    boolean error,
    String node,
    String text,
    String location,
    List<String> packets) {

  public TrafficRow {
    packets = List.copyOf(packets);
  }

  /** The same row with every input-derived text passed through {@code mask}. */
  public TrafficRow mapText(UnaryOperator<String> mask) {
    return new TrafficRow(id, kind, time, sid, transport, method, mask.apply(target), mask.apply(status), error, node,
        mask.apply(text), location, packets.stream().map(mask).toList());
  }
}
