package org.itlgateway.gateway.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * On a client: a reply's body must arrive whole within the client's timeout once its headers have come. The HTTP
 * client's own timeout ends when the headers arrive, so a peer that sent them at once and then dribbled the body, or
 * stopped in the middle of it, held the sending thread (and the destination's delivery lane) for as long as it
 * liked, and a receipt that took minutes was taken. Past the deadline the reply stops being read: a read that is
 * waiting is ended by closing the stream under it, and the call fails as no receipt.
 */
final class ReplyReadDeadline extends AbstractPhaseInterceptor<Message> {

    /** One daemon thread for every client's deadlines: it only closes streams whose time is over. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final Duration limit;

    ReplyReadDeadline(Duration limit) {
        super(Phase.RECEIVE);
        this.limit = limit;
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        if (in != null) {
            message.setContent(InputStream.class, new Timed(in, limit));
        }
    }

    /** {@code in}, failing with an {@link IOException} (and closed) once {@code limit} has passed from now. */
    static InputStream timed(InputStream in, Duration limit) {
        return new Timed(in, limit);
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "reply-read-deadline");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private static final class Timed extends FilterInputStream {
        private final Duration limit;
        private final long deadline;
        private final ScheduledFuture<?> watch;
        private volatile boolean expired;

        Timed(InputStream in, Duration limit) {
            super(in);
            this.limit = limit;
            this.deadline = System.nanoTime() + limit.toNanos();
            this.watch = DEADLINES.schedule(this::expire, limit.toNanos(), TimeUnit.NANOSECONDS);
        }

        private void expire() {
            expired = true;
            try {
                in.close();
            } catch (IOException | RuntimeException ignored) {
                // the read waiting on it fails, which is the point
            }
        }

        @Override
        public int read() throws IOException {
            checkTime(null);
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                checkTime(e);
                throw e;
            }
            if (b < 0) {
                watch.cancel(false);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkTime(null);
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (IOException e) {
                checkTime(e);
                throw e;
            }
            if (n < 0) {
                watch.cancel(false);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            checkTime(null);
            try {
                return super.skip(n);
            } catch (IOException e) {
                checkTime(e);
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            watch.cancel(false);
            super.close();
        }

        private void checkTime(IOException failure) throws IOException {
            if (expired || System.nanoTime() - deadline > 0) {
                IOException late = new IOException("the reply did not arrive whole within " + limit.toMillis()
                        + " ms of its headers");
                if (failure != null) {
                    late.addSuppressed(failure);
                }
                expire();
                throw late;
            }
        }
    }
}
