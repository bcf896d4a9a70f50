/**
 * The contract between the scheduler and the executor, as data: what the scheduler writes into a
 * task's {@code TaskInfo.data} ({@link org.exhibitormesos.core.launch.LaunchSpec}, encoded by
 * {@link org.exhibitormesos.core.launch.LaunchSpecCodec}) and what the executor writes into its
 * status updates' {@code TaskStatus.data} ({@link org.exhibitormesos.core.launch.TaskReport},
 * encoded by {@link org.exhibitormesos.core.launch.TaskReportCodec}).
 *
 * <p>Both are versioned JSON documents decoded strictly: an unknown or missing field, a wrong type
 * or an unsupported version is an {@link org.exhibitormesos.core.InvalidInputException} whose
 * message names the field. Pure: no I/O, no threads.
 */
package org.exhibitormesos.core.launch;
