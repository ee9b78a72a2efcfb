package io.siodoctor.analyzer.web;

import io.siodoctor.analyzer.InputSource;
import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code file} parts of one multipart upload, as analysis inputs. Jetty keeps small parts in
 * memory and spills large ones to a temporary file; {@link #close} deletes them, and the handlers
 * call it before they write the response, so nothing a customer uploads outlives the request.
 */
final class Uploads implements AutoCloseable {
  static final String FIELD = "file";
  private final List<Part> parts;

  private Uploads(List<Part> parts) {
    this.parts = parts;
  }

  static Uploads of(Context ctx) {
    return of(ctx, FIELD);
  }

  /** The file parts of the given fields (the first field names the upload in error messages). */
  static Uploads of(Context ctx, String... fields) {
    String type = ctx.contentType();
    List<String> names = List.of(fields);
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      throw new WebError(400, "expected a multipart/form-data upload with one or more '" + fields[0] + "' parts");
    }
    ctx.uploadedFiles(fields[0]); // lets Javalin apply its multipart configuration before the parts are read
    List<Part> files = new ArrayList<>();
    try {
      for (Part p : ctx.req().getParts()) {
        if (names.contains(p.getName()) && p.getSubmittedFileName() != null && !p.getSubmittedFileName().isEmpty()) {
          files.add(p);
        }
      }
    } catch (IOException | jakarta.servlet.ServletException | IllegalStateException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        String form = FormLimits.explain(t.getMessage());
        if (form != null) {
          throw new WebError(413, form);
        }
      }
      throw new WebError(400, "unreadable multipart upload: " + e.getMessage());
    }
    Uploads uploads = new Uploads(files);
    if (files.isEmpty()) {
      uploads.close();
      throw new WebError(400, "no file uploaded: send one or more multipart parts named '" + fields[0] + "'");
    }
    return uploads;
  }

  List<Part> parts() {
    return parts;
  }

  /** The parts of one field, in upload order. */
  List<Part> parts(String field) {
    return parts.stream().filter(p -> field.equals(p.getName())).toList();
  }

  /** One input per part, named by the file name the browser sent (only the base name: paths stay private). */
  List<InputSource> sources() {
    List<InputSource> sources = new ArrayList<>();
    for (Part p : parts) {
      sources.add(source(p));
    }
    return sources;
  }

  static InputSource source(Part p) {
    return new InputSource(baseName(p.getSubmittedFileName()), p::getInputStream);
  }

  static String baseName(String submitted) {
    if (submitted == null || submitted.isBlank()) {
      return "upload";
    }
    String n = submitted.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1);
    return n.isBlank() ? "upload" : n;
  }

  @Override
  public void close() {
    for (Part p : parts) {
      try {
        p.delete();
      } catch (IOException | RuntimeException e) {
        // the container deletes what is left at the end of the request anyway
      }
    }
  }
}
