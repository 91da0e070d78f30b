/**
 * The history store: runs, trial groups and baselines in SQLite ({@code .perfgate/history.db}, the
 * default) or PostgreSQL, with its schema migrated by Flyway on open. The only SQL in perfgate.
 * Public: {@link org.perfgate.store.RunStore} (entry point, static factories), {@link
 * org.perfgate.store.RunCodec}, the records it returns and {@link
 * org.perfgate.store.StoreUnavailableException}; the JDBC implementation, locations, JSON lines and
 * the spool are package-private.
 *
 * <p>May use: perfgate-model, JDBC (sqlite-jdbc, PostgreSQL), Flyway, Jackson, SLF4J.
 */
package org.perfgate.store;
