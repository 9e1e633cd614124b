/**
 * The registry's facts on PostgreSQL, kept apart from the domain: nothing outside this package knows about
 * Hibernate, JDBC or SQL.
 *
 * <p>A node opens its {@link org.itlgateway.core.store.Database} on a running PostgreSQL server, from
 * {@link org.itlgateway.core.store.DatabaseSettings}:
 * <ul>
 *   <li>{@code DatabaseSettings.external("jdbc:postgresql://db.example.org:5432/itl", user, password)}: an
 *       operator's server, or the embedded one that the gateway's command or the simulated network started
 *       ({@code org.itlgateway.gateway.database.EmbeddedServer}; this module neither starts servers nor carries their
 *       binaries);</li>
 *   <li>{@code .withSchema("node_gb")}: the node's schema, so that several nodes can share one database;
 *       {@code .withPoolSize(n)}: the most connections it opens.</li>
 * </ul>
 * Flyway creates the schema and its tables from {@code db/migration}; Hibernate only checks them. The holdings
 * need the {@code btree_gist} extension (in PostgreSQL's contrib, installed with most packages): the first
 * migration installs it in {@code public} when it is missing, which needs a user allowed to create it there;
 * otherwise a database administrator runs {@code CREATE EXTENSION btree_gist} once beforehand. Every connection
 * commits synchronously, whatever the server's default.
 *
 * <p>{@code jpa} holds the Hibernate entities and the repositories built on them; {@code sql} holds the stores that
 * need plain SQL: the ledger's pieces (row locks, range index, history, streamed snapshots) and the named counters.
 */
package org.itlgateway.core.store;
