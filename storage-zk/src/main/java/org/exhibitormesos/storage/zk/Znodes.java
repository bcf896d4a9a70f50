package org.exhibitormesos.storage.zk;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.exhibitormesos.core.state.store.StateStoreException;
import org.exhibitormesos.core.state.store.StateStoreException.Reason;

/** Helpers shared by the store and the election: parents, size limits, error translation. */
final class Znodes {

  /**
   * Room kept in a packet for everything that is not the document: request header, paths, ACLs,
   * the fence's check operation and multi framing. Generous: a few hundred bytes are used.
   */
  static final int ENVELOPE_BYTES = 1024;

  private Znodes() {}

  /**
   * Creates every missing ancestor of {@code path} (not {@code path} itself) with the session's
   * ACL; ancestors that exist are left as they are.
   */
  static void ensureParents(ZkSession session, String path)
      throws KeeperException, StateStoreException {
    int slash = path.indexOf('/', 1);
    while (slash > 0) {
      String parent = path.substring(0, slash);
      session.retrying("create " + parent, zk -> {
        if (zk.exists(parent, false) == null) {
          try {
            zk.create(parent, new byte[0], session.acl(), CreateMode.PERSISTENT);
          } catch (KeeperException.NodeExistsException raced) {
            // Created by another instance (or by our own attempt whose reply was lost): fine.
          }
        }
        return null;
      });
      slash = path.indexOf('/', slash + 1);
    }
  }

  /** @return the largest document that fits in one packet next to {@code paths} */
  static int maxDocumentBytes(ZkSessionConfig config, String... paths) {
    int pathBytes = 0;
    for (String p : paths) {
      pathBytes += p.getBytes(UTF_8).length;
    }
    return config.maxBufferBytes() - ENVELOPE_BYTES - 2 * pathBytes;
  }

  /** Translates a ZooKeeper failure that is not a normal outcome, once, for {@code store}. */
  static StateStoreException failure(String store, String what, KeeperException e) {
    return switch (e.code()) {
      case NOAUTH, AUTHFAILED, INVALIDACL -> new StateStoreException(Reason.IO, store,
          what + " on " + store + " denied by ZooKeeper (" + e.code() + "): the znode's ACL does "
              + "not admit these credentials; check the user:password in the storage flag", e);
      case CONNECTIONLOSS, OPERATIONTIMEOUT, SESSIONEXPIRED, SESSIONMOVED -> new StateStoreException(
          Reason.UNAVAILABLE, store, what + " on " + store + " failed: " + e.code(), e);
      default -> new StateStoreException(Reason.IO, store,
          what + " on " + store + " failed: " + e.getMessage(), e);
    };
  }
}
