package io.siodoctor.analyzer.diff;

import com.fasterxml.jackson.core.JsonGenerator;
import io.siodoctor.analyzer.render.JsonRenderer;
import io.siodoctor.analyzer.render.Renderer;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** {@code diff --format json} and {@code POST /api/diff}: schemaVersion 2, tool, both sides, ranked differences. */
public final class DiffJson implements Renderer<CaptureDiff> {
  /** The {@code --format} value. */
  public static final String NAME = "json";

  @Override
  public void render(CaptureDiff d, Writer out) throws IOException {
    try (JsonGenerator g = JsonRenderer.document(out)) {
      side(g, "working", d.working());
      side(g, "failing", d.failing());
      g.writeArrayFieldStart("differences");
      for (CaptureDiff.Difference x : d.differences()) {
        g.writeStartObject();
        g.writeNumberField("rank", x.rank());
        g.writeStringField("aspect", x.aspect().id());
        g.writeStringField("title", x.title());
        JsonRenderer.writeStrings(g, "working", x.working());
        JsonRenderer.writeStrings(g, "failing", x.failing());
        JsonRenderer.writeStrings(g, "explains", x.explains());
        g.writeObjectFieldStart("evidence");
        evidence(g, "working", x.workingEvidence());
        evidence(g, "failing", x.failingEvidence());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("onlyInFailing");
      for (CaptureDiff.CauseRef c : d.onlyInFailing()) {
        cause(g, c);
      }
      g.writeEndArray();
      JsonRenderer.writeStrings(g, "same", d.same());
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void side(JsonGenerator g, String name, CaptureDiff.Side s) throws IOException {
    g.writeObjectFieldStart(name);
    JsonRenderer.writeStrings(g, "inputs", s.inputs());
    g.writeStringField("verdict", s.verdict());
    g.writeArrayFieldStart("causes");
    for (CaptureDiff.CauseRef c : s.causes()) {
      cause(g, c);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void cause(JsonGenerator g, CaptureDiff.CauseRef c) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeNumberField("rank", c.rank());
    g.writeStringField("title", c.title());
    g.writeEndObject();
  }

  private static void evidence(JsonGenerator g, String name, List<DiffEvidence> list) throws IOException {
    g.writeArrayFieldStart(name);
    for (DiffEvidence e : list) {
      g.writeStartObject();
      g.writeStringField("file", e.file());
      g.writeStringField("location", e.location());
      g.writeStringField("time", e.time().isEmpty() ? null : e.time());
      g.writeStringField("excerpt", e.excerpt());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
