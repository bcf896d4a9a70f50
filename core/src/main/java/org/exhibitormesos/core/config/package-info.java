/**
 * The options of the {@code add} and {@code config} commands: their names, what values they
 * accept, and how they change a server's {@link org.exhibitormesos.core.server.ServerSettings}.
 *
 * <p>{@link org.exhibitormesos.core.config.ConfigOption} is the registry: the 26 Exhibitor flags and
 * 16 shared-config overrides of the original framework, its 6 framework settings ({@code port},
 * {@code java-options}, {@code stickiness-period}, {@code failover-delay},
 * {@code failover-max-delay}, {@code failover-max-tries}) and the {@code add} options ({@code cpu},
 * {@code mem}, {@code disk}, {@code constraints}, {@code configchangebackoff}, {@code port}).
 * {@code config} accepts every option, including the resource ones; like every other change they
 * take effect at the server's next launch.
 *
 * <p>{@link org.exhibitormesos.core.config.SettingsEditor} applies a request all or nothing and
 * reports every problem at once; an empty value resets an option to its default.
 * {@link org.exhibitormesos.core.config.OptionValues} renders settings back as options for status
 * output. Everything here is pure and immutable or stateless.
 */
package org.exhibitormesos.core.config;
