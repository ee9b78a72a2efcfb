package io.siodoctor.analyzer.cli;

import io.siodoctor.analyzer.diff.CaptureDiff;
import io.siodoctor.analyzer.diff.DiffHtml;
import io.siodoctor.analyzer.diff.DiffJson;
import io.siodoctor.analyzer.diff.DiffText;
import io.siodoctor.analyzer.render.HtmlRenderer;
import io.siodoctor.analyzer.render.JsonRenderer;
import io.siodoctor.analyzer.render.MarkdownRenderer;
import io.siodoctor.analyzer.render.Renderer;
import io.siodoctor.analyzer.render.ReportRenderer;
import io.siodoctor.analyzer.render.TextRenderer;
import java.util.Optional;

/** The {@code --format} values of {@code analyze} and {@code diff}, and the renderer for each. */
final class Renderers {
  private Renderers() {}

  static final String NAMES = "text|json|html|markdown";
  static final String DIFF_NAMES = "text|json|html";

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

  static Optional<Renderer<CaptureDiff>> diffForName(String name) {
    switch (name) {
      case DiffText.NAME:
        return Optional.of(new DiffText());
      case DiffJson.NAME:
        return Optional.of(new DiffJson());
      case DiffHtml.NAME:
        return Optional.of(new DiffHtml());
      default:
        return Optional.empty();
    }
  }
}
