package io.siodoctor.analyzer.render;

import io.siodoctor.analyzer.Analysis;
import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.analyzer.rank.SessionSummary;
import io.siodoctor.analyzer.traffic.TrafficRow;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.verdict.Symptom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything {@code report.jte} shows, computed once: the answer (top cause with its fix and most
 * decisive evidence, or for {@code inconclusive} the symptoms and what to collect next), the other
 * causes, the timeline, the request list with its filter choices, sessions and inputs. The template
 * only lays it out; it never decides.
 */
public record ReportView(
    String nonce,
    String css,
    String script,
    String toolVersion,
    String generatedAt,
    RankedReport report,
    CauseView top,
    List<CauseView> others,
    List<SymptomView> symptoms,
    List<String> next,
    List<CaptureView> captures,
    TimelineView timeline,
    List<RowView> rows,
    int rowsDropped,
    Filters filters,
    String reportJson) {

  /** A request-list row with whether it is evidence of the top cause, and its URL cut for wrapping. */
  public record RowView(TrafficRow row, boolean decisive, List<String> targetParts) {
    /** The time of day ({@code 03:31:56.908}): the date is in the row's details and the trust line. */
    public String shortTime() {
      String t = row.time();
      int tee = t.indexOf('T');
      if (tee < 0) {
        return t;
      }
      String s = t.substring(tee + 1);
      return s.endsWith("Z") ? s.substring(0, s.length() - 1) : s;
    }

    public String statusClass() {
      if (row.error()) {
        return "error";
      }
      return row.status().startsWith("pending") ? "pending" : "ok";
    }
  }

  /** A symptom of an inconclusive report: what was seen, and where. */
  public record SymptomView(String id, String summary, List<EvidenceView> evidence) {}

  /** What one HAR can and cannot show: its exporter and the kinds of evidence it lacks. */
  /** @param exporterId the contract's exporter id ({@code chrome}, {@code playwright}, ...) */
  public record CaptureView(String file, String exporterId, String exporter, List<String> missing) {}

  /** The values each filter offers, in order. */
  public record Filters(List<String> sessions, List<String> transports, List<String> nodes) {}

  static ReportView of(Analysis analysis, String nonce, String css, String script, String version, Instant now,
      String reportJson) {
    RankedReport report = analysis.report();
    Map<String, TrafficRow> byLocation = analysis.traffic().byLocation();
    List<CauseView> causes = new ArrayList<>();
    for (RankedCause c : report.causes()) {
      causes.add(CauseView.of(c, byLocation));
    }
    Set<String> decisive = new HashSet<>();
    if (!report.causes().isEmpty()) {
      for (Evidence e : report.causes().get(0).evidence()) {
        decisive.add(e.location().toString());
      }
    }
    List<RowView> rows = new ArrayList<>();
    Set<String> sessions = new TreeSet<>();
    Set<String> transports = new TreeSet<>();
    Set<String> nodes = new TreeSet<>();
    for (TrafficRow r : analysis.traffic().rows()) {
      rows.add(new RowView(r, decisive.contains(r.location()), UrlParts.of(r.target())));
      if (!r.sid().isEmpty()) {
        sessions.add(r.sid());
      }
      if (!r.transport().isEmpty()) {
        transports.add(r.transport());
      }
      if (!r.node().isEmpty()) {
        nodes.add(r.node());
      }
    }
    return new ReportView(nonce, css, script, version, now.truncatedTo(ChronoUnit.SECONDS).toString(), report,
        causes.isEmpty() ? null : causes.get(0), causes.isEmpty() ? List.of() : causes.subList(1, causes.size()),
        symptoms(report, byLocation), report.next(), captures(report),
        TimelineView.of(analysis.timeline(), decisive, byLocation, report.sessions()),
        rows, analysis.traffic().dropped(),
        new Filters(List.copyOf(sessions), List.copyOf(transports), List.copyOf(nodes)), reportJson);
  }

  private static List<SymptomView> symptoms(RankedReport report, Map<String, TrafficRow> rows) {
    List<SymptomView> out = new ArrayList<>();
    for (Symptom s : report.symptoms()) {
      out.add(new SymptomView(s.id(), CaptureText.symptom(s), s.evidence().stream()
          .map(e -> new EvidenceView(e, rows.get(e.location().toString()), false)).toList()));
    }
    return out;
  }

  private static List<CaptureView> captures(RankedReport report) {
    List<CaptureView> out = new ArrayList<>();
    for (InputSummary in : report.inputs()) {
      if (in.capture() != null) {
        out.add(new CaptureView(in.file(), in.capture().exporter(), CaptureText.exporter(in.capture()),
            CaptureText.missing(in.capture())));
      }
    }
    return out;
  }

  /** The verdict in one sentence (the same words as the text and Markdown reports). */
  public String verdictLine() {
    return CaptureText.verdictLine(report.verdict(), report.causes().size());
  }

  public String verdict() {
    return report.verdict();
  }

  public boolean healthy() {
    return RankedReport.HEALTHY.equals(report.verdict());
  }

  public boolean inconclusive() {
    return RankedReport.INCONCLUSIVE.equals(report.verdict());
  }

  public List<InputSummary> inputs() {
    return report.inputs();
  }

  public List<SessionSummary> sessions() {
    return report.sessions();
  }

  public List<String> warnings() {
    return report.warnings();
  }

  /** The base name of an input (the full path is in the inputs table). */
  public static String fileName(String file) {
    String f = file.replace('\\', '/');
    return f.substring(f.lastIndexOf('/') + 1);
  }

  /** One chip of the trust line: {@code capture.har · har · 57 records} (the base name; the path is its title). */
  public static String inputLabel(InputSummary in) {
    String f = in.file().replace('\\', '/');
    String name = f.endsWith("/") ? f : f.substring(f.lastIndexOf('/') + 1);
    return name + " · " + (in.readable() ? in.format() + " · " + in.records() + " records" : "unreadable");
  }
}
