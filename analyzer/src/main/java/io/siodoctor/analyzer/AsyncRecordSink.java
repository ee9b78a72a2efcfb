package io.siodoctor.analyzer;

import io.siodoctor.parsers.ReadSet;
import io.siodoctor.parsers.RecordSink;
import io.siodoctor.parsers.record.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands records to another sink on a second thread, in batches, so that parsing (JSON tokenising,
 * packet decoding) and assembling the incident use both cores. The queue is bounded: a slow
 * consumer slows the parser down instead of filling the heap.
 */
final class AsyncRecordSink implements RecordSink, AutoCloseable {
  private static final int BATCH = 2048;
  private static final List<Record> END = new ArrayList<>();

  private final RecordSink target;
  private final BlockingQueue<List<Record>> queue = new ArrayBlockingQueue<>(8);
  private final Thread consumer;
  private List<Record> batch = new ArrayList<>(BATCH);
  private volatile RuntimeException failure;

  /**
   * @param target takes the records on the second thread; its plan must read the unrecognised
   *     lines, whose times alone ({@link RecordSink#unrecognised}) cannot travel in the batches
   */
  AsyncRecordSink(RecordSink target) {
    if (!target.plan().readsUnrecognisedLines()) {
      throw new IllegalArgumentException("the records go to another thread: the plan must read every line");
    }
    this.target = target;
    this.consumer = new Thread(this::drain, "sio-doctor-incident");
    this.consumer.setDaemon(true);
    this.consumer.start();
  }

  @Override
  public void accept(Record record) {
    batch.add(record);
    if (batch.size() == BATCH) {
      put(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  @Override
  public ReadSet plan() {
    return target.plan();
  }

  @Override
  public void warn(String message) {
    target.warn(message);
  }

  /** Flushes what is left and waits until the consumer has taken every record. */
  @Override
  public void close() {
    if (!batch.isEmpty()) {
      put(batch);
      batch = new ArrayList<>(0);
    }
    put(END);
    try {
      consumer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while finishing the analysis", e);
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void put(List<Record> records) {
    try {
      queue.put(records);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the input", e);
    }
  }

  private void drain() {
    try {
      while (true) {
        List<Record> records = queue.take();
        if (records == END) {
          return;
        }
        if (failure == null) {
          for (Record r : records) {
            target.accept(r);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
      // keep draining so the parser never blocks on a full queue
      drain();
    }
  }
}
