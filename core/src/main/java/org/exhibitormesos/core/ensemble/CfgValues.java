package org.exhibitormesos.core.ensemble;

import org.exhibitormesos.core.InvalidInputException;

/** Checks that a value survives ZooKeeper's {@code java.util.Properties} reading unchanged. */
final class CfgValues {

  private CfgValues() {}

  /**
   * @throws InvalidInputException if the value is blank, has leading or trailing white space
   *     (Properties trims it), a backslash (Properties treats it as an escape) or a control
   *     character (it would end the line)
   */
  static String require(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("zoo.cfg value for '" + key + "' is blank");
    }
    if (!value.equals(value.strip())) {
      throw new InvalidInputException(
          "zoo.cfg value for '" + key + "' has leading or trailing white space");
    }
    if (value.indexOf('\\') >= 0) {
      throw new InvalidInputException("zoo.cfg value for '" + key
          + "' contains a backslash, which ZooKeeper would read as an escape");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException(
          "zoo.cfg value for '" + key + "' contains a control character");
    }
    return value;
  }
}
