package io.siodoctor.analyzer.render;

import io.siodoctor.analyzer.traffic.TrafficRow;
import io.siodoctor.rules.api.Evidence;
import java.util.List;

/**
 * One evidence item as the report shows it: the request line (method, path and query, status or
 * error) or the frame or log line, its time, and — expanded — the decoded packets. The request
 * list's row, when the record is one of its rows, supplies the fields; otherwise the excerpt does.
 *
 * @param row the request-list row of the same record, or null
 */
public record EvidenceView(Evidence evidence, TrafficRow row, boolean decisive) {

  public String file() {
    return evidence.location().file();
  }

  public String place() {
    return evidence.location().location();
  }

  public String time() {
    return evidence.time() == null ? "" : evidence.time().toString();
  }

  public String note() {
    return evidence.note() == null ? "" : evidence.note();
  }

  public String excerpt() {
    return evidence.excerpt() == null ? "" : evidence.excerpt();
  }

  public boolean hasRow() {
    return row != null;
  }

  public String rowId() {
    return row == null ? "" : row.id();
  }

  public String method() {
    return row == null ? "" : row.method();
  }

  public List<String> targetParts() {
    return row == null ? List.of() : UrlParts.of(row.target());
  }

  public String status() {
    return row == null ? "" : row.status();
  }

  public boolean error() {
    return row != null && row.error();
  }

  /** The frame data or the log line; for a request, the response body. */
  public String text() {
    return row == null ? excerpt() : row.text();
  }

  public String node() {
    return row == null ? "" : row.node();
  }

  public List<String> packets() {
    return row == null ? List.of() : row.packets();
  }
}
