package org.exhibitormesos.storage.file;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.StateStoreException.Reason;

/**
 * An exclusive OS lock on a state file's sibling lock file, held from {@link #acquire} to
 * {@link #close()}. The OS releases it when the process dies, however it dies, so a crashed
 * scheduler never leaves a stale lock. The lock file itself is never deleted: deleting it would let
 * two processes lock two different inodes under the same name.
 *
 * <p>Thread-safe.
 */
final class StateFileLock implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(StateFileLock.class.getName());

  /**
   * Lock files this JVM holds. POSIX record locks belong to the process, and closing any descriptor
   * of the file releases all of them: a second store in the same JVM that merely opened and closed
   * the lock file would silently unlock the first. So a second acquire in this JVM is refused here,
   * before it opens anything. Mutable static state, but it mirrors per-process state in the kernel.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean released;

  private StateFileLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * @param lockFile the lock file, created if missing; its directory must exist
   * @param stateFile the state file it guards, for messages
   * @param store the store's description, for the exception
   * @return the held lock
   * @throws StateStoreException {@code LOCKED} if another process or another store in this JVM
   *     holds it; {@code IO} if the lock file cannot be opened or locked
   */
  static StateFileLock acquire(Path lockFile, Path stateFile, String store)
      throws StateStoreException {
    Path key = canonical(lockFile);
    if (!HELD.add(key)) {
      throw locked(lockFile, stateFile, store);
    }
    FileChannel channel = null;
    boolean acquired = false;
    try {
      channel = FileChannel.open(lockFile, CREATE, WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw locked(lockFile, stateFile, store);
      }
      acquired = true;
      return new StateFileLock(key, channel, lock);
    } catch (OverlappingFileLockException e) {
      // Locked in this JVM by something other than a FileStateStore.
      throw locked(lockFile, stateFile, store);
    } catch (IOException e) {
      throw new StateStoreException(Reason.IO, store, "cannot lock state file " + stateFile
          + " (lock file " + lockFile + "): " + e, e);
    } finally {
      if (!acquired) {
        closeQuietly(channel);
        HELD.remove(key);
      }
    }
  }

  /** Releases the lock; idempotent, never throws. */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      lock.release();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot release lock " + key + "; closing it", e);
    } finally {
      closeQuietly(channel);
      HELD.remove(key);
    }
  }

  private static StateStoreException locked(Path lockFile, Path stateFile, String store) {
    return new StateStoreException(Reason.LOCKED, store, "state file " + stateFile
        + " is locked by another scheduler (lock file " + lockFile + ")");
  }

  private static Path canonical(Path lockFile) {
    Path absolute = lockFile.toAbsolutePath().normalize();
    try {
      return absolute.getParent().toRealPath().resolve(absolute.getFileName());
    } catch (IOException e) {
      return absolute;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot close lock file channel", e);
    }
  }
}
