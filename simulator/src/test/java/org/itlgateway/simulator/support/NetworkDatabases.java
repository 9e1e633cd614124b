package org.itlgateway.simulator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.itlgateway.simulator.network.Network;
import org.itlgateway.simulator.network.NetworkSettings;

/**
 * The databases of the networks tests start: one embedded PostgreSQL per test JVM (a real server), and for each
 * network a database of its own, copied from a template in which a network of the built-in profiles has already
 * started once (its nodes' schemas migrated, its reference facts seeded). A network on such a copy starts as a
 * network restarted on its kept data does, which production supports; only the server start, the migrations and
 * the seeding are saved. The default path, a network owning its embedded server, keeps its own tests
 * (DemoStoryIT, the README's commands in CI).
 *
 * <p>The server runs without fsync: no test here crashes the machine, and killing a process (as the reliability
 * tests do) loses nothing that was committed, with or without it.
 */
public final class NetworkDatabases {

    private static final String USER = "postgres";
    private static final String TEMPLATE = "network_template";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private NetworkDatabases() {
    }

    /** The network settings of a test: the defaults, on a fresh database of the test JVM's server. */
    public static NetworkSettings settings() {
        return NetworkSettings.defaults().withDatabase(fresh(), USER, "");
    }

    /** The JDBC URL of a new database, a copy of the template. */
    public static synchronized String fresh() {
        if (server == null) {
            server = start();
            createDatabase(TEMPLATE, null);
            Network.start(NetworkSettings.defaults().withDatabase(urlOf(TEMPLATE), USER, "")).close();
            // a copy needs the template without sessions: end those a closed pool may still be letting go
            execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = '" + TEMPLATE + "'");
        }
        String name = "network_" + DATABASES.incrementAndGet();
        createDatabase(name, TEMPLATE);
        return urlOf(name);
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "on").setServerConfig("max_connections", "300").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending; the temporary data directory goes with the server's own clean-up
                }
            }));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("the test JVM's PostgreSQL did not start", e);
        }
    }

    private static void createDatabase(String name, String template) {
        execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(urlOf("postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static String urlOf(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }
}
