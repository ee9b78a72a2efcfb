package io.siodoctor.rules.api;

/**
 * A rule that carries its cause and what it reads as data instead of {@link Cause} and {@link
 * Reads} annotations: declarative rules
 * loaded from a user's rule pack, where one class serves many causes.
 */
public interface SelfDescribingRule extends Rule {

  CauseInfo cause();

  /** What this rule reads, as data: one class serves rules that read different facts. */
  @Override
  io.siodoctor.parsers.ReadSet reads();
}
