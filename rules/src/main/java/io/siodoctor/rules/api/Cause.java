package io.siodoctor.rules.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metadata of a rule, on the rule class (error-prone's {@code @BugPattern}). The engine, not the
 * rule, attaches it to each finding. The prose (explanation and fix) lives in {@code
 * causes/<id>.md} next to the code.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Cause {

  /** The stable id from the cause catalog; never renamed. */
  String id();

  /** One line, no trailing period. */
  String title();

  Severity severity();

  Category category();

  /** The Socket.IO documentation page that explains the cause. */
  String docs();

  /**
   * Causes this one explains when both fire on the same sessions: the ranker drops them (for
   * example {@code websocket-upgrade-blocked} subsumes {@code polling-only-config}).
   */
  String[] subsumes() default {};

  /**
   * The proxy or platform settings this cause's fix changes: when the inputs show the provider in
   * front of the server, the report names that provider's setting (see {@code ProviderFixes}).
   */
  ProxySetting[] settings() default {};

  /** The sio-doctor version that introduced the rule. */
  String since() default "0.1.0";
}
