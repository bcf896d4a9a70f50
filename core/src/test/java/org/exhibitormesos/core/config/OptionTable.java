package org.exhibitormesos.core.config;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** One good and one bad value for every option, shared by the tests of this package. */
final class OptionTable {
  private static final String PORTS =
      "accepted forms: 31000, 31000..31010, 31000..31010,31050 (ports 1..65535)";
  private static final String DURATIONS =
      "accepted forms: 100ms, 30s, 5m, 1h, 30d, 0 (also long forms like '30 days')";

  /** Option, good value as typed, its canonical form, a bad value, the reason it is refused. */
  static final Object[][] ROWS = {
      {"configtype", "zookeeper", "zookeeper", "zk", "expected one of file, zookeeper, s3, none"},
      {"configcheckms", " 030000 ", "30000", "30s", "expected a whole number of milliseconds >= 1"},
      {"defaultconfig", "/etc/exhibitor/defaults.properties", "/etc/exhibitor/defaults.properties", "a\nb",
          "expected a single line of text"},
      {"headingtext", "Production ensemble", "Production ensemble", "x\ty", "expected a single line of text"},
      {"hostname", "zk1.example.com", "zk1.example.com", "zk1\rzk2", "expected a single line of text"},
      {"jquerystyle", "black", "black", "blue", "expected one of red, black, custom"},
      {"loglines", "1000", "1000", "0", "expected a whole number >= 1"},
      {"nodemodification", "FALSE", "false", "yes", "expected true or false"},
      {"prefspath", "/var/lib/exhibitor/prefs", "/var/lib/exhibitor/prefs", "a\u0007b",
          "expected a single line of text"},
      {"servo", "true", "true", "1", "expected true or false"},
      {"timeout", "30000", "30000", "-1", "expected a whole number of milliseconds >= 1"},
      {"s3credentials", "/etc/s3.properties", "/etc/s3.properties", "a\nb", "expected a single line of text"},
      {"s3region", "eu-west-1", "eu-west-1", "eu\nwest", "expected a single line of text"},
      {"s3config", "bucket:key", "bucket:key", "bucket\n:key", "expected a single line of text"},
      {"s3configprefix", "exhibitor-", "exhibitor-", "a\u0000", "expected a single line of text"},
      {"zkconfigconnect", "zk1:2181,zk2:2181", "zk1:2181,zk2:2181", "zk1\nzk2", "expected a single line of text"},
      {"zkconfigexhibitorpath", "/", "/", "/\n/", "expected a single line of text"},
      {"zkconfigexhibitorport", "8080", "8080", "65536", "expected a port number from 1 to 65535"},
      {"zkconfigpollms", "10000", "10000", "ten", "expected a whole number of milliseconds >= 1"},
      {"zkconfigretry", "01000:03", "1000:3", "1000", "expected sleep-ms:retry-qty such as 1000:3"},
      {"zkconfigzpath", "/exhibitor/config", "/exhibitor/config", "/a\n/b", "expected a single line of text"},
      {"filesystembackup", "True", "true", "on", "expected true or false"},
      {"s3backup", "false", "false", "no", "expected true or false"},
      {"aclid", "exhibitor", "exhibitor", "a\nb", "expected a single line of text"},
      {"aclperms", "read,write", "read,write", "read\nwrite", "expected a single line of text"},
      {"aclscheme", "digest", "digest", "di\ngest", "expected a single line of text"},

      {"log-index-directory", "/var/exhibitor/index", "/var/exhibitor/index", "a\nb",
          "expected a single line of text"},
      {"zookeeper-install-directory", "/opt/zookeeper", "/opt/zookeeper", "a\nb", "expected a single line of text"},
      {"zookeeper-data-directory", "/var/zk/data", "/var/zk/data", "a\nb", "expected a single line of text"},
      {"zookeeper-log-directory", "/var/zk/log", "/var/zk/log", "a\nb", "expected a single line of text"},
      {"backup-extra", "directory=/backup", "directory=/backup", "a\nb", "expected a single line of text"},
      {"zoo-cfg-extra", "maxClientCnxns=120, syncLimit=7 ", "maxClientCnxns=120, syncLimit=7", "dataDir=/x",
          "zoo-cfg-extra key 'dataDir' is set by the framework and cannot be overridden"},
      {"java-environment", "export JVMFLAGS=\"-Xmx512m\"\nexport A=1\n", "export JVMFLAGS=\"-Xmx512m\"\nexport A=1",
          " \n ", "the value is blank; an empty value resets it to its default"},
      {"log4j-properties", "log4j.rootLogger=INFO, console\n", "log4j.rootLogger=INFO, console", "\t",
          "the value is blank; an empty value resets it to its default"},
      {"client-port", "2181", "2181", "0", "expected a port number from 1 to 65535"},
      {"connect-port", "02888", "2888", "port", "expected a port number from 1 to 65535"},
      {"election-port", "3888", "3888", "70000", "expected a port number from 1 to 65535"},
      {"check-ms", "30000", "30000", "0", "expected a whole number of milliseconds >= 1"},
      {"cleanup-period-ms", "43200000", "43200000", "2147483648",
          "expected a whole number of milliseconds >= 1, at most 2147483647"},
      {"cleanup-max-files", "3", "3", "2", "expected a whole number >= 3"},
      {"backup-max-store-ms", "0", "0", "1.5", "expected a whole number of milliseconds"},
      {"backup-period-ms", "60000", "60000", "1e3", "expected a whole number of milliseconds >= 1"},

      {"port", "31000..31010, 31050", "31000..31010,31050", "31010..31000",
          "invalid port range '31010..31000' in '31010..31000'; " + PORTS},
      {"java-options", " -Xmx512m -Dfoo=bar", "-Xmx512m -Dfoo=bar", "-Xmx1g\n-Dx", "expected a single line of text"},
      {"stickiness-period", "15 minutes", "15m", "10", "invalid duration '10': missing unit (only 0 may omit it); "
          + DURATIONS},
      {"failover-delay", "30s", "30s", "1.5h",
          "invalid duration '1.5h': the number must be whole; use a smaller unit (90m, not 1.5h); " + DURATIONS},
      {"failover-max-delay", "1 hour", "1h", "-1m", "invalid duration '-1m': negative durations are not allowed; "
          + DURATIONS},
      {"failover-max-tries", "3", "3", "0", "expected a whole number >= 1"},

      {"cpu", "0.50", "0.5", "0", "expected a number greater than 0"},
      {"mem", "2048.0", "2048", "1e3", "expected a number greater than 0"},
      {"disk", "4096", "4096", "-5", "expected a number greater than 0"},
      {"constraints", "hostname=unique,rack=groupBy:3", "hostname=unique,rack=groupBy:3", "rack",
          "invalid constraint 'rack': "},
      {"configchangebackoff", "5000", "5000", "5s", "expected a whole number of milliseconds"},
  };

  private OptionTable() {}

  /** Every option set to its good value. */
  static Map<String, String> goodValues() {
    Map<String, String> values = new TreeMap<>();
    Arrays.stream(ROWS).forEach(row -> values.put((String) row[0], (String) row[1]));
    return values;
  }
}
