package io.siodoctor.analyzer.render;

import io.siodoctor.analyzer.rank.RankedReport;
import java.io.IOException;
import java.io.Writer;

/** Prints a report in one format; one stateless class per {@code --format} value. */
public interface ReportRenderer {

  /** The {@code --format} value. */
  String name();

  void render(RankedReport report, Writer out) throws IOException;
}
