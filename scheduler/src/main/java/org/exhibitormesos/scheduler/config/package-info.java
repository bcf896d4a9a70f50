/** The scheduler's flags and its validated configuration. */
package org.exhibitormesos.scheduler.config;
