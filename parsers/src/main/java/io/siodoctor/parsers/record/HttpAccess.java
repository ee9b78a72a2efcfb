package io.siodoctor.parsers.record;

import io.siodoctor.parsers.engineio.EngineIoQuery;

/**
 * One request as a proxy or load balancer logged it.
 *
 * @param bytes response bytes, or -1
 * @param durationMs {@code $request_time} (the whole WebSocket lifetime for a 101), or -1
 * @param upstream the upstream address that served it, or null
 * @param terminationState HAProxy's termination flags ({@code cD--}), or null
 * @param engineIo the Engine.IO query of the URL, or null
 */
public record HttpAccess(
    String clientIp,
    String method,
    String url,
    int status,
    long bytes,
    double durationMs,
    String upstream,
    String userAgent,
    String terminationState,
    EngineIoQuery engineIo) {}
