package org.exhibitormesos.core.ensemble;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.exhibitormesos.core.InvalidInputException;

/**
 * The digest ZooKeeper's digest authentication provider expects for its super user:
 * {@code base64(sha1("super:" + password))}, as {@code DigestAuthenticationProvider} computes it.
 * The digest is unsalted SHA-1, so the password must be long and random.
 */
public final class SuperDigest {

  /** The user name ZooKeeper treats as super user when a super digest is configured. */
  public static final String USER = "super";

  private SuperDigest() {}

  /**
   * The base64 digest of {@code super:<password>}; {@code secret} gives
   * {@code lK75jTNcA+U9vtVEw5vB51mj/w4=}.
   *
   * @throws InvalidInputException if the password is empty
   */
  public static String of(String password) {
    if (password.isEmpty()) {
      throw new InvalidInputException("super user password is empty");
    }
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] digest = sha1.digest((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE platform must provide SHA-1.
      throw new IllegalStateException("SHA-1 is not available", e);
    }
  }
}
