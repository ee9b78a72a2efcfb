package io.siodoctor.analyzer.index;

import java.time.Instant;
import java.util.List;

/** One matching event, as {@code search --format json} shows it. */
public record SearchHit(Instant time, String file, String location, String node, String sid, String kind,
    String status, List<String> causes, String text) {}
