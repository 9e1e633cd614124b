package org.itlgateway.gateway.transport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * On a client: reads at most so many bytes of a reply. A receipt is a few kilobytes; a reply that grows past
 * the limit stops being read there and counts as no receipt.
 */
final class ReplySizeLimit extends AbstractPhaseInterceptor<Message> {

    private final long maxBytes;

    ReplySizeLimit(long maxBytes) {
        super(Phase.RECEIVE);
        this.maxBytes = maxBytes;
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        if (in != null) {
            message.setContent(InputStream.class, new Bounded(in, maxBytes));
        }
    }

    /** {@code in}, failing with an {@link IOException} once more than {@code maxBytes} were read from it. */
    static InputStream bounded(InputStream in, long maxBytes) {
        return new Bounded(in, maxBytes);
    }

    private static final class Bounded extends FilterInputStream {
        private final long maxBytes;
        private long read;

        Bounded(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new IOException("the reply is larger than " + maxBytes + " bytes");
            }
        }
    }
}
