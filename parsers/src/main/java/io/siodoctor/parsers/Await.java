package io.siodoctor.parsers;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waits for work done on a pool and rethrows its failure as the caller would have met it had it
 * done the work itself: an I/O error as itself, a bug as itself, an interruption as an
 * {@link InterruptedIOException} (the thread's interrupt flag set again).
 */
public final class Await {
  private Await() {}

  /** The result of {@code f}, waiting for it. */
  public static <T> T result(Future<T> f) throws IOException {
    try {
      return interruptibly(f);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }

  /**
   * The result of {@code f}, waiting for it; an interruption stays an {@link InterruptedException}
   * for callers that stop on it rather than report it.
   */
  public static <T> T interruptibly(Future<T> f) throws IOException, InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IOException(c);
    }
  }
}
