package io.siodoctor.analyzer.scan;

import io.siodoctor.parsers.archive.ArchiveWalker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --compare PREVIOUS.json}: the change of each cause against an earlier summary. */
public final class TrendComparison {
  private record Counts(long sessions, long events) {}

  private final Map<String, Counts> previous;

  private TrendComparison(Map<String, Counts> previous) {
    this.previous = previous;
  }

  /** @throws IOException with a one-line message when the file is not a scan summary */
  public static TrendComparison read(Path file) throws IOException {
    JsonNode root;
    try {
      root = SummaryJson.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not a JSON scan summary: " + ArchiveWalker.oneLine(e));
    }
    if (root == null || !root.path("causes").isArray()) {
      throw new IOException(file + ": not a scan summary (no causes[])");
    }
    Map<String, Counts> m = new LinkedHashMap<>();
    for (JsonNode c : root.path("causes")) {
      m.put(c.path("id").asText(), new Counts(c.path("sessions").asLong(), c.path("events").asLong()));
    }
    return new TrendComparison(m);
  }

  /** {@code {"sessions": +12, "events": +30, "previousSessions": 4, "previousEvents": 9, "new": false}} */
  ObjectNode change(CauseTally t) {
    Counts p = previous.getOrDefault(t.id(), new Counts(0, 0));
    ObjectNode o = SummaryJson.mapper().createObjectNode();
    o.put("sessions", t.sessions() - p.sessions());
    o.put("events", t.events() - p.events());
    o.put("previousSessions", p.sessions());
    o.put("previousEvents", p.events());
    o.put("new", !previous.containsKey(t.id()));
    return o;
  }

  /** Causes of the previous summary that are gone now. */
  ArrayNode resolved(ScanSummary now) {
    ArrayNode a = SummaryJson.mapper().createArrayNode();
    previous.forEach((id, c) -> {
      if (now.cause(id) == null) {
        a.addObject().put("id", id).put("previousSessions", c.sessions()).put("previousEvents", c.events());
      }
    });
    return a;
  }

  /** For the text table: "+12" / "-3" / "new". */
  String shortChange(CauseTally t) {
    if (!previous.containsKey(t.id())) {
      return "new";
    }
    long d = t.sessions() - previous.get(t.id()).sessions();
    return d > 0 ? "+" + d : String.valueOf(d);
  }
}
