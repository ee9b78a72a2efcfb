package io.siodoctor.analyzer.web;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the work running at once (analyses and sanitizing: each holds a whole input in memory)
 * and queues the rest: a request that finds every slot taken waits its turn, first come first
 * served, in a bounded queue. Only when the queue is full, or the wait outlasts the time limit, is
 * the answer 503 with {@code Retry-After}: a burst of uploads is served, not refused, and a flood
 * cannot pile up unbounded waiting requests.
 */
final class AnalysisSlots {
  private final Semaphore permits;
  private final int size;
  private final int queueCapacity;
  private final AtomicInteger waiting = new AtomicInteger();

  AnalysisSlots(int size, int queueCapacity) {
    this.size = size;
    this.queueCapacity = queueCapacity;
    this.permits = new Semaphore(size, true);
  }

  /** A held slot; closing it frees the slot (once, however often it is called). */
  interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  /** A slot, waiting at most {@code maxWaitMs} in the queue; 503 when the queue is full or the wait too long. */
  Slot acquire(long maxWaitMs) {
    if (!permits.tryAcquire()) {
      if (waiting.incrementAndGet() > queueCapacity) {
        waiting.decrementAndGet();
        throw new WebError(503, "busy: " + size + " analyses are running and " + queueCapacity
            + " more are waiting (serve --max-concurrent, --max-queued); try again in a few seconds");
      }
      try {
        if (!permits.tryAcquire(maxWaitMs, TimeUnit.MILLISECONDS)) {
          throw new WebError(503, "busy: waited " + Math.max(1, maxWaitMs / 1000) + " s for one of the " + size
              + " analysis slots; try again in a few seconds");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WebError(503, "the server is stopping");
      } finally {
        waiting.decrementAndGet();
      }
    }
    // idempotent, so a handler may free its slot early and try-with-resources still closes it
    AtomicBoolean released = new AtomicBoolean();
    return () -> {
      if (released.compareAndSet(false, true)) {
        permits.release();
      }
    };
  }

  /** Requests waiting for a slot now. */
  int waiting() {
    return waiting.get();
  }

  /** For tests: take every slot, as a burst of long analyses would. */
  Slot occupyAll() {
    permits.acquireUninterruptibly(size);
    return () -> permits.release(size);
  }
}
