package io.siodoctor.analyzer.render;

import java.io.IOException;
import java.io.Writer;

/**
 * Prints one result in one format: a report ({@link ReportRenderer}) or a capture diff. A renderer is
 * configured when made (colours, the page's nonce) and takes the one result; commands and the web
 * call it through {@link Redaction#render}, the output boundary. Each class names its {@code
 * --format} value in a {@code NAME} constant.
 */
public interface Renderer<R extends Redactable<R>> {

  void render(R result, Writer out) throws IOException;
}
