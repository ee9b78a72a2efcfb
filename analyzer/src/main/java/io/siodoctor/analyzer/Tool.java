package io.siodoctor.analyzer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The tool's name and version, and the version of the JSON documents it writes. Every JSON document
 * (report, scan summary, each jsonl line, search answer) starts with {@code schemaVersion} and
 * {@code tool}, so a script can tell which contract a document follows.
 */
public final class Tool {
  public static final String NAME = "sio-doctor";
  public static final String VERSION = "0.1.0";
  /** 2: adds {@code schemaVersion}, {@code tool}, and the scan summary's {@code skipped}. */
  public static final int SCHEMA_VERSION = 2;

  private Tool() {}

  /** Puts {@code schemaVersion} and {@code tool} first in a document being built. */
  public static ObjectNode stamp(ObjectNode document) {
    ObjectNode stamped = document.objectNode();
    stamped.put("schemaVersion", SCHEMA_VERSION);
    stamped.putObject("tool").put("name", NAME).put("version", VERSION);
    stamped.setAll(document);
    return stamped;
  }

  /** Writes {@code schemaVersion} and {@code tool} as the first fields of the object being written. */
  public static void stamp(JsonGenerator g) throws IOException {
    g.writeNumberField("schemaVersion", SCHEMA_VERSION);
    g.writeObjectFieldStart("tool");
    g.writeStringField("name", NAME);
    g.writeStringField("version", VERSION);
    g.writeEndObject();
  }
}
