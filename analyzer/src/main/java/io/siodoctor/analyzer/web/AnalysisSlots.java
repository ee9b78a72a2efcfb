package io.siodoctor.analyzer.web;

import java.util.concurrent.Semaphore;

/**
 * Bounds the analyses running at once: each holds a whole incident in memory, so a burst of uploads
 * must get 503 rather than an OutOfMemoryError for everyone.
 */
final class AnalysisSlots {
  private final Semaphore permits;
  private final int size;

  AnalysisSlots(int size) {
    this.size = size;
    this.permits = new Semaphore(size);
  }

  /** A held slot; closing it frees the slot (once, however often it is called). */
  interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  Slot acquire() {
    if (!permits.tryAcquire()) {
      throw new WebError(503, "busy: " + size + " analyses are already running; try again in a few seconds");
    }
    // idempotent, so a handler may free its slot early and try-with-resources still closes it
    java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        permits.release();
      }
    };
  }

  /** For tests: take every slot, as a burst of long analyses would. */
  Slot occupyAll() {
    permits.acquireUninterruptibly(size);
    return () -> permits.release(size);
  }
}
