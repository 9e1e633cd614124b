package org.itlgateway.gateway.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * On an endpoint, while the body is read: a sender must keep up a minimum data rate once a short grace period
 * has passed, or its request stops being read (refused as unreadable, 1012) and the thread reading it is free
 * again. Together with the connector's idle timeout (a sender that sends nothing at all), a handful of slow
 * senders cannot hold the threads that answer everyone else.
 *
 * <p>Jetty 12 ignores {@code HttpConfiguration.minRequestDataRate}; only a handler wrapping the whole server
 * enforces one, and CXF builds that tree itself. So the rate is checked on the stream the endpoint reads, which
 * blocks no longer than the idle timeout between two chunks.
 */
final class SlowSenderCutoff {

    private final long minBytesPerSecond;
    private final long graceNanos;
    private final LongSupplier nanoTime;

    SlowSenderCutoff(long minBytesPerSecond, Duration grace, LongSupplier nanoTime) {
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The request body, read at no less than the minimum rate once the grace has passed. */
    InputStream meter(InputStream in) {
        return new Metered(in, nanoTime.getAsLong());
    }

    private final class Metered extends FilterInputStream {
        private final long start;
        private long bytes;

        Metered(InputStream in, long start) {
            super(in);
            this.start = start;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            counted(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            counted(Math.max(n, 0));
            return n;
        }

        private void counted(int n) throws IOException {
            bytes += n;
            long elapsed = nanoTime.getAsLong() - start;
            if (elapsed > graceNanos && bytes * 1_000_000_000L / elapsed < minBytesPerSecond) {
                throw new IOException("the sender is slower than " + minBytesPerSecond + " bytes a second");
            }
        }
    }
}
