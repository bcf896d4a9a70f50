/**
 * Code that runs inside the Exhibitor JVM, not in the executor: a wrapper main that starts
 * Exhibitor 1.5.6 with its HTTP server bound to one address. Packed as its own dependency-free jar
 * ({@code exhibitor-mesos-exhibitor-launcher.jar}) into the Exhibitor bundle's {@code lib/}. It is
 * compiled without Exhibitor on the classpath and reaches Exhibitor only by reflection, so the
 * project never compiles against Exhibitor's jars.
 */
package org.exhibitormesos.exhibitorlauncher;
