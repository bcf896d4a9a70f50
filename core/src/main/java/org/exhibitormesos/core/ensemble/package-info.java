/**
 * Ensemble math and ZooKeeper configuration text: who votes, how many failures a membership
 * tolerates, parsing the committed configuration ZooKeeper reports, and rendering the files a
 * server starts from ({@code myid}, {@code zoo.cfg}, the dynamic configuration file).
 *
 * <p>Everything here is a pure function over immutable values: no I/O, no clocks, no threads. Bad
 * input raises {@link org.exhibitormesos.core.InvalidInputException} (an
 * {@link IllegalArgumentException}) whose message names the bad part and the accepted form.
 *
 * <p>Entry points: {@link org.exhibitormesos.core.ensemble.Ensemble} and
 * {@link org.exhibitormesos.core.ensemble.Quorum} for the math,
 * {@link org.exhibitormesos.core.ensemble.DynamicConfig#parse(String)} for what
 * {@code getConfig} returns, {@link org.exhibitormesos.core.ensemble.ConfigFiles} for rendering.
 */
package org.exhibitormesos.core.ensemble;
