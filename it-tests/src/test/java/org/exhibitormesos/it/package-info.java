/**
 * Integration tests that hold core's rendering to real ZooKeeper 3.9: ZooKeeper's own config
 * parser reads the golden files, and a real server started from a rendered config must lead.
 * Every process and port a test opens is bound to 127.0.0.1 and closed in the same test.
 */
package org.exhibitormesos.it;
