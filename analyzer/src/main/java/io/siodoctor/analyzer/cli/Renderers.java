package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.render.HtmlRenderer;
import io.siodoctor.analyzer.render.JsonRenderer;
import io.siodoctor.analyzer.render.MarkdownRenderer;
import io.siodoctor.analyzer.render.ReportRenderer;
import io.siodoctor.analyzer.render.TextRenderer;
import java.util.Optional;

/** The {@code --format} values of {@code analyze} and the renderer for each. */
final class Renderers {
  private Renderers() {}

  static final String NAMES = "text|json|html|markdown";

  static Optional<ReportRenderer> forName(String name, boolean colour) {
    switch (name) {
      case TextRenderer.NAME:
        return Optional.of(new TextRenderer(colour));
      case JsonRenderer.NAME:
        return Optional.of(new JsonRenderer());
      case HtmlRenderer.NAME:
        return Optional.of(new HtmlRenderer());
      case MarkdownRenderer.NAME:
      case "md":
        return Optional.of(new MarkdownRenderer());
      default:
        return Optional.empty();
    }
  }
}
