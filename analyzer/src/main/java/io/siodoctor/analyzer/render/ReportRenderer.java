package io.siodoctor.analyzer.render;

import io.siodoctor.analyzer.Analysis;

/** Prints an analysis in one format; one class per {@code --format} value. */
public interface ReportRenderer extends Renderer<Analysis> {}
