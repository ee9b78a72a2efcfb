package io.siodoctor.analyzer.scan;

import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.rules.api.Evidence;
import java.io.IOException;
import java.util.List;

/**
 * Sees every analysed chunk of records with the causes found in it (the search index uses it to
 * store each record with the causes it is evidence of). Called from many threads.
 */
public interface ChunkListener {
  void chunk(List<Record> records, List<RankedCause> causes) throws IOException;

  /**
   * After every chunk: the records of {@code events} are also evidence of {@code cause}, found by
   * correlating files (a sid issued in one file and rejected in another).
   */
  default void tag(String cause, List<Evidence> events) throws IOException {}
}
