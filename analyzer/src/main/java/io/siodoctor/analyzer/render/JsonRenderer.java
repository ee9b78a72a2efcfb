package io.siodoctor.analyzer.render;

import io.siodoctor.analyzer.Analysis;
import io.siodoctor.analyzer.Tool;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.rank.RankedReport;
import io.siodoctor.analyzer.rank.SessionSummary;
import io.siodoctor.parsers.InputSummary;
import io.siodoctor.rules.api.ClockOffset;
import io.siodoctor.parsers.capture.CaptureProfile;
import io.siodoctor.parsers.capture.MissingEvidence;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.verdict.Symptom;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The JSON report of the contract, field for field; extra fields only added, never renamed. */
public final class JsonRenderer implements ReportRenderer {
  /** The {@code --format} value. */
  public static final String NAME = "json";
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public void render(Analysis analysis, Writer out) throws IOException {
    RankedReport report = analysis.report();
    try (JsonGenerator g = document(out)) {
      g.writeStringField("verdict", report.verdict());
      g.writeArrayFieldStart("causes");
      for (RankedCause c : report.causes()) {
        writeCause(g, c);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("inputs");
      for (InputSummary in : report.inputs()) {
        g.writeStartObject();
        g.writeStringField("file", in.file());
        g.writeStringField("format", in.format());
        g.writeNumberField("records", in.records());
        writeStrings(g, "warnings", in.warnings());
        g.writeStringField("error", in.error());
        if (in.capture() != null) {
          writeCapture(g, in.capture());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("sessions");
      for (SessionSummary s : report.sessions()) {
        g.writeStartObject();
        g.writeStringField("sid", s.sid());
        g.writeStringField("protocol", s.protocol());
        g.writeStringField("serverProtocol", s.serverProtocol());
        writeStrings(g, "transports", s.transports());
        g.writeStringField("upgrade", s.upgrade());
        g.writeStringField("opened", s.opened());
        g.writeStringField("closed", s.closed());
        g.writeStringField("closeReason", s.closeReason());
        writeStrings(g, "nodes", s.nodes());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("correlation");
      for (ClockOffset o : report.correlation()) {
        g.writeStartObject();
        g.writeStringField("file", o.file());
        g.writeNumberField("clockOffsetMs", o.offsetMillis());
        g.writeNumberField("sharedSessions", o.sharedSessions());
        g.writeBooleanField("applied", o.applied());
        g.writeEndObject();
      }
      g.writeEndArray();
      writeStrings(g, "warnings", report.warnings());
      g.writeArrayFieldStart("symptoms");
      for (Symptom s : report.symptoms()) {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("summary", s.summary());
        writeEvidence(g, s.evidence());
        g.writeEndObject();
      }
      g.writeEndArray();
      writeStrings(g, "next", report.next());
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void writeCause(JsonGenerator g, RankedCause c) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeNumberField("rank", c.rank());
    g.writeNumberField("confidence", c.confidence());
    g.writeStringField("severity", c.severity());
    g.writeStringField("category", c.category());
    g.writeStringField("title", c.title());
    g.writeStringField("detail", c.detail());
    g.writeStringField("explanation", c.explanation());
    g.writeStringField("fix", c.fix());
    g.writeStringField("docs", c.docs());
    writeStrings(g, "sessions", c.sessions());
    g.writeNumberField("events", c.events());
    writeEvidence(g, c.evidence());
    g.writeEndObject();
  }

  private static void writeCapture(JsonGenerator g, CaptureProfile c) throws IOException {
    g.writeObjectFieldStart("capture");
    g.writeStringField("exporter", c.exporter());
    g.writeStringField("creator", c.creator());
    g.writeArrayFieldStart("missing");
    for (MissingEvidence m : c.missing()) {
      g.writeStartObject();
      g.writeStringField("what", m.what());
      g.writeStringField("extent", m.extent());
      g.writeStringField("meaning", m.meaning());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeEvidence(JsonGenerator g, List<Evidence> evidence) throws IOException {
    g.writeArrayFieldStart("evidence");
    for (Evidence e : evidence) {
      g.writeStartObject();
      g.writeStringField("file", e.location().file());
      g.writeStringField("location", e.location().location());
      g.writeStringField("time", e.time() == null ? null : e.time().toString());
      g.writeStringField("excerpt", e.excerpt());
      if (e.note() != null) {
        g.writeStringField("note", e.note());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * A pretty-printed JSON document on {@code out} (left open when the generator closes), its object
   * started and stamped with the tool's name and version: the report's JSON and the diff's.
   */
  public static JsonGenerator document(Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    Tool.stamp(g);
    return g;
  }

  /** {@code "field": [values...]}; the diff's JSON writes its lists with it too. */
  public static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
