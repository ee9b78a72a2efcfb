package io.siodoctor.parsers.har;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.siodoctor.parsers.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parses the entries an {@link EntrySplitter} finds on every core, and hands them to the caller in
 * file order: the splitter runs on a thread of its own, each entry is parsed by a pool thread into
 * a {@link RawEntry} with its own quirks, and the calling thread takes them in order (building
 * exchanges stays in order: it notices dates out of order). Memory stays bounded whatever the file
 * size: at most {@link #IN_FLIGHT_BYTES} of entry bytes are read ahead of the caller.
 */
final class ParallelEntries {
  /** Entry bytes read but not yet handed to the caller. */
  static final int IN_FLIGHT_BYTES = 16 << 20;
  private static final int QUEUE = 256;

  /** One entry as parsed on a pool thread: the entry and its quirks, or the error that stopped it. */
  record Parsed(EntrySplitter.Slice slice, RawEntry entry, HarQuirks quirks, WsMessageSpool spool,
      JsonProcessingException error, String where) {}

  /** What the caller does with each entry, in order. */
  interface Consumer {
    void accept(Parsed parsed) throws IOException, io.siodoctor.parsers.InputError;
  }

  private static final Future<Parsed> END = CompletableFuture.completedFuture(null);

  private final EntryLanes lanes;
  private final boolean skipBodies;
  private final BlockingQueue<Future<Parsed>> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT_BYTES);
  private volatile IOException readFailure;

  ParallelEntries(EntryLanes lanes, boolean skipBodies) {
    this.lanes = lanes;
    this.skipBodies = skipBodies;
  }

  /**
   * Hands every entry the splitter finds to {@code consumer}, in order; returns how many. When it
   * returns, the lanes have stopped and {@link EntryLanes#rest} holds the rest of the input.
   */
  int run(Consumer consumer) throws IOException, io.siodoctor.parsers.InputError {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    AtomicInteger names = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "sio-doctor-har-entry-" + names.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    ExecutorService lanePool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "sio-doctor-har-lane-" + names.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    Thread split = new Thread(() -> split(pool, lanePool), "sio-doctor-har-split");
    split.setDaemon(true);
    split.start();
    int count = 0;
    boolean done = false;
    try {
      while (true) {
        Parsed parsed = take();
        if (parsed == null) {
          break;
        }
        try {
          consumer.accept(parsed);
        } finally {
          inFlight.release(cost(parsed.slice()));
          if (parsed.slice().window() != null) {
            parsed.slice().window().release();
          }
          if (parsed.spool() != null) {
            parsed.spool().close();
          }
        }
        count++;
      }
      done = true;
    } finally {
      if (!done) {
        split.interrupt();
      }
      join(split);
      pool.shutdownNow();
      lanePool.shutdownNow();
      if (!done) {
        discardQueued();
      }
    }
    if (readFailure != null) {
      throw readFailure;
    }
    return count;
  }

  private Parsed take() throws IOException {
    Future<Parsed> next;
    try {
      next = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while reading the HAR");
    }
    return next == END ? null : Await.result(next);
  }

  /** On the splitter's thread: finds entries (with the lanes) and starts their parsing, until the shape ends. */
  private void split(ExecutorService pool, ExecutorService lanePool) {
    int[] index = {0};
    try {
      lanes.run(slice -> {
        inFlight.acquire(cost(slice));
        int i = index[0]++;
        queue.put(pool.submit(() -> parse(slice, i)));
      }, lanePool);
    } catch (IOException e) {
      readFailure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** On a pool thread: one entry, as the streaming parser reads it. */
  private Parsed parse(EntrySplitter.Slice slice, int index) {
    HarQuirks quirks = new HarQuirks();
    ParsePosition position = new ParsePosition();
    position.section("log");
    position.entry(index);
    WsMessageSpool spool = new WsMessageSpool();
    try (JsonParser p = HarJson.SLICES.parser(slice)) {
      p.nextToken();
      RawEntry entry = new EntryReader(quirks, position, skipBodies).read(p, index, spool);
      return new Parsed(slice, entry, quirks, spool, null, null);
    } catch (JsonProcessingException e) {
      closeQuietly(spool);
      return new Parsed(slice, null, quirks, null, e, position.toString());
    } catch (IOException e) {
      closeQuietly(spool);
      throw new UncheckedIOException(e);
    }
  }

  private static void closeQuietly(WsMessageSpool spool) {
    try {
      spool.close();
    } catch (IOException e) {
      // its temporary file could not be deleted: the entry failed anyway
    }
  }

  private static int cost(EntrySplitter.Slice slice) {
    return Math.min(IN_FLIGHT_BYTES, slice.length());
  }

  private void discardQueued() {
    Future<Parsed> f;
    while ((f = queue.poll()) != null) {
      if (f == END) {
        continue;
      }
      try {
        Parsed parsed = f.isCancelled() || !f.isDone() ? null : f.get();
        if (parsed != null && parsed.spool() != null) {
          closeQuietly(parsed.spool());
        }
      } catch (InterruptedException | ExecutionException e) {
        // being discarded: an entry after the one that failed
      }
    }
  }

  private static void join(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
