package io.siodoctor.analyzer.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siodoctor.analyzer.Tool;
import io.siodoctor.parsers.logs.TimeReader;
import java.util.Collection;
import java.util.Map;

/** The batch summary and the per-file lines of {@code scan}, as the contract's JSON. */
public final class SummaryJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SummaryJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static ObjectNode summary(ScanSummary s, TrendComparison trend) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("files", s.files());
    o.put("bytes", s.bytes());
    o.put("uncompressedBytes", s.uncompressedBytes());
    o.put("records", s.records());
    o.put("seconds", Math.round(s.seconds() * 1000) / 1000.0);
    ArrayNode un = o.putArray("unreadable");
    for (ScanSummary.Unreadable u : s.unreadable()) {
      un.addObject().put("file", u.file()).put("error", u.error());
    }
    ArrayNode causes = o.putArray("causes");
    for (CauseTally t : s.causes()) {
      ObjectNode c = cause(t);
      if (trend != null) {
        c.set("change", trend.change(t));
      }
      causes.add(c);
    }
    if (trend != null) {
      o.set("resolved", trend.resolved(s));
    }
    ArrayNode skipped = o.putArray("skipped");
    for (ScanSummary.Skipped k : s.skipped()) {
      skipped.addObject().put("file", k.file()).put("reason", k.reason());
    }
    return Tool.stamp(o);
  }

  /** One jsonl line: a member and the causes found in it alone. */
  public static ObjectNode file(FileResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("file", r.file());
    o.put("format", r.format());
    o.put("bytes", r.bytes());
    o.put("records", r.records());
    o.set("causes", causes(r.causes().values()));
    if (r.skipped()) {
      o.put("skipped", r.error());
    } else if (r.error() != null) {
      o.put("error", r.error());
    }
    return Tool.stamp(o);
  }

  /** One jsonl line for a file or container that gave nothing to analyse. */
  public static ObjectNode unreadable(String file, String error) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("file", file);
    o.putArray("causes");
    o.put("error", error);
    return Tool.stamp(o);
  }

  private static ArrayNode causes(Collection<CauseTally> tallies) {
    ArrayNode a = MAPPER.createArrayNode();
    tallies.forEach(t -> a.add(cause(t)));
    return a;
  }

  static ObjectNode cause(CauseTally t) {
    ObjectNode c = MAPPER.createObjectNode();
    c.put("id", t.id());
    c.put("sessions", t.sessions());
    c.put("events", t.events());
    c.put("first", TimeReader.seconds(t.first()));
    c.put("last", TimeReader.seconds(t.last()));
    ArrayNode files = c.putArray("files");
    t.files().forEach(files::add);
    ObjectNode hours = c.putObject("hours");
    for (Map.Entry<String, Long> h : t.hours().entrySet()) {
      hours.put(h.getKey(), h.getValue());
    }
    ArrayNode ex = c.putArray("examples");
    for (Example e : t.examples()) {
      ObjectNode x = ex.addObject();
      x.put("file", e.file());
      x.put("location", e.location());
      x.put("time", e.time() == null ? null : e.time().toString());
      x.put("excerpt", e.excerpt());
      if (e.note() != null) {
        x.put("note", e.note());
      }
    }
    return c;
  }
}
