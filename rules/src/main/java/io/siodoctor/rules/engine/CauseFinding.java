package io.siodoctor.rules.engine;

import io.siodoctor.rules.api.CauseInfo;
import io.siodoctor.rules.api.Finding;

/** A finding paired with the cause it proves: the engine's output, the ranker's input. */
public record CauseFinding(CauseInfo cause, Finding finding) {}
