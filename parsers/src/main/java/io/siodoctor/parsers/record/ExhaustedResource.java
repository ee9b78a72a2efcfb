package io.siodoctor.parsers.record;

/** The resource a process ran out of, by the errno name its runtime prints. */
public enum ExhaustedResource {
  /** Too many open files in the process ({@code EMFILE}, the C library's {@code Too many open files}). */
  EMFILE,
  /** Too many open files in the system ({@code ENFILE}). */
  ENFILE
}
