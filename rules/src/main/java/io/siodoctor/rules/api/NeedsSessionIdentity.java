package io.siodoctor.rules.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rule's findings rest on which requests, frames and lines make one session (its life, its end,
 * the order of its requests, the gap before the next one). When a sanitizer replaced session ids with
 * a placeholder that the capture cannot tie back to their sessions ({@link
 * Incident#sessionIdsUnknown}), the sessions the rule would see are fragments or several sessions in
 * one, and the engine does not run it: the report says what the capture lacks instead of a cause
 * built from pseudo-sessions.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NeedsSessionIdentity {}
