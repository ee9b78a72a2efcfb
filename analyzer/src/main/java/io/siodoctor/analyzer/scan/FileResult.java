package io.siodoctor.analyzer.scan;

import java.util.Map;

/**
 * What one member gave: its detected format, bytes and records read, the causes found in it alone,
 * and the error that cut it short (null when read to the end).
 */
public record FileResult(String file, String format, long bytes, long records, Map<String, CauseTally> causes,
    String error) {}
