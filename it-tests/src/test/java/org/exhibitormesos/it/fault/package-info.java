/**
 * The end-to-end fault suite: mesos-local in the test JVM (agents on a random loopback block, with
 * rack attributes where placement matters), real ZooKeeper processes from the real executor jar,
 * and the scheduler's runnable jar as its own process. While each scenario runs, a {@code
 * WriteChecker} writes sequential znodes through the connection string; every acknowledged write
 * must then be readable from every serving member, and the longest gap between acknowledged writes
 * is reported.
 *
 * <p>Scenarios: placement by constraints ({@code PlacementFaultIT}); SIGKILL of a member's ZooKeeper,
 * seeded random rounds of stop/start/remove/add and a bad-input fuzz of the API, on one shared
 * ensemble ({@code HealthyEnsembleFaultIT}); loss of an agent for good ({@code AgentLossFaultIT});
 * master failover ({@code MasterFailoverFaultIT}); scheduler SIGKILL during start, add+start and
 * remove with file and zk storage ({@code SchedulerCrashFaultIT}); no process left
 * ({@code LeftoverProcessesIT}). Each prints {@code FAULT-FIGURES} lines to the test log.
 *
 * <p>Runs in {@code mvn verify} (failsafe). Replay a random run with {@code -Dfault.fuzz.seed=N},
 * {@code -Dfault.rounds.seed=N}; {@code -Dfault.rounds=N} changes the number of rounds (20).
 */
package org.exhibitormesos.it.fault;
