/**
 * The {@code hotlinekit} command-line tool: {@link org.hotlinekit.examples.cli.HotlinekitCli} and
 * its subcommands, built on the public library API only. Run it through {@code ./hotlinekit}.
 */
package org.hotlinekit.examples.cli;
