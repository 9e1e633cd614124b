package org.itlgateway.simulator.bench.chaos;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.itlgateway.gateway.database.EmbeddedServer;

/**
 * The registry's PostgreSQL in a chaos run, as a process of its own so that it can be killed apart from the
 * gateway: the embedded server's binaries on a data directory kept across restarts, every commit kept (fsync on).
 * Arguments: the data directory and the port. Prints {@code ready} once it accepts connections.
 */
public final class ChaosDatabaseMain {

    private ChaosDatabaseMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        org.itlgateway.gateway.logging.LogFormat.useText();
        EmbeddedServer server = EmbeddedServer.startOwned(Path.of(args[0]), Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println("ready " + server.jdbcUrl());
        stopped.await();
    }
}
