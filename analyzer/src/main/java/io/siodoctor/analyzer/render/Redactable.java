package io.siodoctor.analyzer.render;

import java.util.function.UnaryOperator;

/** A result whose input-derived text can be masked as a whole before it is rendered ({@link Redaction}). */
public interface Redactable<T extends Redactable<T>> {

  /** The same result with every piece of input-derived text passed through {@code mask}. */
  T mapText(UnaryOperator<String> mask);
}
