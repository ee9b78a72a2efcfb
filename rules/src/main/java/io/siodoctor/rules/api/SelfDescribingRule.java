package io.siodoctor.rules.api;

/**
 * A rule that carries its cause as data instead of a {@link Cause} annotation: declarative rules
 * loaded from a user's rule pack, where one class serves many causes.
 */
public interface SelfDescribingRule extends Rule {

  CauseInfo cause();
}
