package io.siodoctor.analyzer.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The jte templates of {@code src/main/jte}, compiled to classes at build time (no compiler at run
 * time, so the fat jar needs only jte-runtime). HTML content type: every {@code ${...}} is escaped
 * for where it stands; only our own CSS, script and Markdown-made HTML pass as {@code $unsafe}.
 * The report's CSS and script are resources, shared with the upload page that shows reports inline.
 */
public final class Templates {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
      Templates.class.getClassLoader(), "io.siodoctor.analyzer.render.templates");
  public static final String REPORT_CSS = resource("report.css");
  public static final String REPORT_JS = resource("report.js");

  private Templates() {}

  /** Renders {@code name} (e.g. {@code report.jte}) with its one parameter. */
  public static void render(String name, Object param, Writer out) {
    ENGINE.render(name, param, new WriterOutput(out));
  }

  static String resource(String name) {
    try (InputStream in = Templates.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
