package org.exhibitormesos.storage.zk;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.apache.zookeeper.CreateMode;
import java.util.Comparator;
import java.util.List;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
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
   * Creates every missing ancestor of {@code path} (not {@code path} itself) with {@code acl};
   * ancestors that exist are left as they are. One attempt; safe to repeat.
   */
  static void createParents(ZooKeeper zk, List<ACL> acl, String path)
      throws KeeperException, InterruptedException {
    for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
      String parent = path.substring(0, slash);
      if (zk.exists(parent, false) == null) {
        try {
          zk.create(parent, new byte[0], acl, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException raced) {
          // Created by another instance (or by our own attempt whose reply was lost): fine.
        }
      }
    }
  }

  /** @return the candidate znodes under {@code electionPath}, in sequence order (leader first) */
  static List<String> candidates(ZooKeeper zk, String electionPath)
      throws KeeperException, InterruptedException {
    return zk.getChildren(electionPath, false).stream()
        .filter(c -> c.startsWith("c-"))
        .sorted(Comparator.comparing(c -> c.substring(c.lastIndexOf('-') + 1)))
        .toList();
  }

  /** @return true for a lost connection or session: the state of ZooKeeper is fine */
  static boolean connectionProblem(KeeperException e) {
    return e instanceof KeeperException.ConnectionLossException
        || e instanceof KeeperException.SessionExpiredException
        || e instanceof KeeperException.SessionMovedException;
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
      case CONNECTIONLOSS, OPERATIONTIMEOUT, SESSIONEXPIRED, SESSIONMOVED ->
          new StateStoreException(Reason.UNAVAILABLE, store,
              what + " on " + store + " failed: " + e.code(), e);
      default -> new StateStoreException(Reason.IO, store,
          what + " on " + store + " failed: " + e.getMessage(), e);
    };
  }
}
