package org.itlgateway.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.itlgateway.core.UnitOfWork;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A node's database on a running PostgreSQL server (the operator's, or the embedded one started by what runs the
 * node): a pool of connections to the node's schema, the schema brought up to date, and units of work on it.
 *
 * <p>Every connection commits synchronously: a commit returns only once it is on disk, whatever the server's
 * default. A unit of work is one database transaction at READ COMMITTED; the stores that run inside it find its
 * session with {@link #session()}.
 */
public final class Database implements UnitOfWork, AutoCloseable {

    private final DatabaseSettings settings;
    private final HikariDataSource pool;
    private final SessionFactory sessions;
    private final ThreadLocal<Session> current = new ThreadLocal<>();

    private Database(DatabaseSettings settings, HikariDataSource pool, SessionFactory sessions) {
        this.settings = settings;
        this.pool = pool;
        this.sessions = sessions;
    }

    /**
     * Opens the pool on the server the settings name, applies the migrations to the node's schema and sets up
     * Hibernate. The server is already running: this never starts one.
     */
    public static Database start(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        HikariDataSource pool = openPool(settings);
        try {
            Migrations.apply(pool, settings.schema());
            return new Database(settings, pool, PersistenceUnit.create(pool, settings.schema()));
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource openPool(DatabaseSettings settings) {
        DatabaseSettings.External target = settings.server();
        HikariConfig config = new HikariConfig();
        config.setPoolName("itl-" + settings.schema());
        config.setJdbcUrl(target.jdbcUrl());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setSchema(settings.schema());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        // Durable commits on every connection, whatever the server's configuration says.
        config.setConnectionInitSql("SET synchronous_commit TO on");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "itl-gateway");
        return new HikariDataSource(config);
    }

    @Override
    public <T> T call(Supplier<T> work) {
        Session joined = current.get();
        if (joined != null) {
            return joinedCall(joined, work);
        }
        try (Session session = sessions.openSession()) {
            current.set(session);
            Transaction transaction = session.beginTransaction();
            try {
                T result = work.get();
                if (transaction.getRollbackOnly()) {
                    throw new IllegalStateException(
                            "work joined to this unit of work failed, so none of it was kept, although the failure was caught");
                }
                transaction.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollBack(transaction, e);
                throw e;
            }
        } finally {
            current.remove();
        }
    }

    private static <T> T joinedCall(Session joined, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            // The outer work may catch this, but it must not commit half of what was meant to happen together.
            if (joined.getTransaction().isActive()) {
                joined.getTransaction().setRollbackOnly();
            }
            throw e;
        }
    }

    private static void rollBack(Transaction transaction, Throwable cause) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    /** True while a unit of work of this database runs on the calling thread. */
    public boolean inUnitOfWork() {
        return current.get() != null;
    }

    /** The session of the unit of work running on this thread; fails when there is none. */
    public Session session() {
        Session session = current.get();
        if (session == null) {
            throw new IllegalStateException("no unit of work of this database runs on this thread");
        }
        return session;
    }

    /**
     * From now on records the pool's meters (HikariCP's {@code hikaricp_connections_*}, tagged with the pool's name,
     * {@link #poolName()}) into {@code registry}; once per database.
     */
    public void recordPoolMetrics(MeterRegistry registry) {
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(Objects.requireNonNull(registry, "registry")));
    }

    /** The name of the pool, the {@code pool} tag of its meters: {@code itl-} and the schema. */
    public String poolName() {
        return pool.getPoolName();
    }

    /** The pool of connections to the node's schema, for work outside Hibernate. */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Connections to the same server outside the pool, each a session of its own that lasts until it is closed (for
     * session-level state such as advisory locks, which a pool would hand to other work).
     */
    public DataSource directConnections() {
        DatabaseSettings.External target = settings.server();
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setURL(target.jdbcUrl());
        direct.setUser(target.user());
        direct.setPassword(target.password());
        direct.setApplicationName("itl-gateway");
        return direct;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public String schema() {
        return settings.schema();
    }

    /** Closes Hibernate and the pool; the server goes on running (whoever started it stops it). */
    @Override
    public void close() {
        try {
            sessions.close();
        } finally {
            pool.close();
        }
    }
}
