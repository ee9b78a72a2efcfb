package io.siodoctor.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * A {@link java.nio.file.Path} that can only be opened for reading, through the Hadoop
 * {@link org.apache.hadoop.fs.FileSystem} of its URI (file:, hdfs:, s3a:, ...). The scan's
 * {@code ArchiveWalker} opens its files with {@code Files.newInputStream(path)}; this lets it stream
 * a file straight from the cluster's storage, with no local copy. Every other operation throws.
 */
final class HadoopNioPath implements Path {
  private final org.apache.hadoop.fs.Path path;
  private final Configuration conf;

  HadoopNioPath(org.apache.hadoop.fs.Path path, Configuration conf) {
    this.path = path;
    this.conf = conf;
  }

  InputStream open() throws IOException {
    try {
      return path.getFileSystem(conf).open(path);
    } catch (FileNotFoundException e) {
      NoSuchFileException n = new NoSuchFileException(path.toString());
      n.initCause(e);
      throw n;
    } catch (org.apache.hadoop.security.AccessControlException e) {
      AccessDeniedException a = new AccessDeniedException(path.toString());
      a.initCause(e);
      throw a;
    }
  }

  @Override
  public FileSystem getFileSystem() {
    return FS;
  }

  @Override
  public String toString() {
    return path.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HadoopNioPath p && p.path.equals(path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }

  @Override
  public int compareTo(Path other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public URI toUri() {
    return path.toUri();
  }

  @Override
  public boolean isAbsolute() {
    return true;
  }

  @Override
  public Path getRoot() {
    throw unsupported();
  }

  @Override
  public Path getFileName() {
    throw unsupported();
  }

  @Override
  public Path getParent() {
    throw unsupported();
  }

  @Override
  public int getNameCount() {
    throw unsupported();
  }

  @Override
  public Path getName(int index) {
    throw unsupported();
  }

  @Override
  public Path subpath(int beginIndex, int endIndex) {
    throw unsupported();
  }

  @Override
  public boolean startsWith(Path other) {
    throw unsupported();
  }

  @Override
  public boolean endsWith(Path other) {
    throw unsupported();
  }

  @Override
  public Path normalize() {
    return this;
  }

  @Override
  public Path resolve(Path other) {
    throw unsupported();
  }

  @Override
  public Path relativize(Path other) {
    throw unsupported();
  }

  @Override
  public Path toAbsolutePath() {
    return this;
  }

  @Override
  public Path toRealPath(LinkOption... options) {
    return this;
  }

  @Override
  public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("a Hadoop path can only be read");
  }

  private static final Provider PROVIDER = new Provider();
  private static final ReadOnlyFs FS = new ReadOnlyFs();

  private static final class ReadOnlyFs extends FileSystem {
    @Override
    public FileSystemProvider provider() {
      return PROVIDER;
    }

    @Override
    public void close() {}

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public boolean isReadOnly() {
      return true;
    }

    @Override
    public String getSeparator() {
      return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
      throw unsupported();
    }

    @Override
    public Iterable<FileStore> getFileStores() {
      throw unsupported();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
      return Set.of();
    }

    @Override
    public Path getPath(String first, String... more) {
      throw unsupported();
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
      throw unsupported();
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
      throw unsupported();
    }

    @Override
    public WatchService newWatchService() {
      throw unsupported();
    }
  }

  private static final class Provider extends FileSystemProvider {
    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
      return ((HadoopNioPath) path).open();
    }

    @Override
    public String getScheme() {
      return "sio-hadoop";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
      throw unsupported();
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
      return FS;
    }

    @Override
    public Path getPath(URI uri) {
      throw unsupported();
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
        FileAttribute<?>... attrs) {
      throw unsupported();
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) {
      throw unsupported();
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
      throw unsupported();
    }

    @Override
    public void delete(Path path) {
      throw unsupported();
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) {
      throw unsupported();
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) {
      throw unsupported();
    }

    @Override
    public boolean isSameFile(Path path, Path path2) {
      return path.equals(path2);
    }

    @Override
    public boolean isHidden(Path path) {
      return false;
    }

    @Override
    public FileStore getFileStore(Path path) {
      throw unsupported();
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) {
      throw unsupported();
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
      throw unsupported();
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) {
      throw unsupported();
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) {
      throw unsupported();
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
      throw unsupported();
    }
  }
}
