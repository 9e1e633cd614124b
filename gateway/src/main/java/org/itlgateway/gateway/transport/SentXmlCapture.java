package org.itlgateway.gateway.transport;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Keeps a copy of the bytes a client sends, signature included, for the calling thread to read once the call
 * returns (clients here send on the calling thread).
 */
public final class SentXmlCapture extends AbstractPhaseInterceptor<Message> {

    private static final ThreadLocal<ByteArrayOutputStream> LAST = new ThreadLocal<>();

    public SentXmlCapture() {
        super(Phase.PRE_STREAM);
    }

    @Override
    public void handleMessage(Message message) {
        OutputStream out = message.getContent(OutputStream.class);
        if (out == null) {
            return;
        }
        ByteArrayOutputStream copy = new ByteArrayOutputStream(8 * 1024);
        LAST.set(copy);
        message.setContent(OutputStream.class, new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                copy.write(b);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                copy.write(b, off, len);
                out.write(b, off, len);
            }
        });
    }

    /** Keeps {@code sent} as the last message this thread sent (a client that writes its bytes itself). */
    static void keep(byte[] sent) {
        ByteArrayOutputStream copy = new ByteArrayOutputStream(sent.length);
        copy.writeBytes(sent);
        LAST.set(copy);
    }

    /** The bytes of the last message this thread sent, and forgets them. */
    public static byte[] takeLast() {
        ByteArrayOutputStream copy = LAST.get();
        LAST.remove();
        return copy == null ? new byte[0] : copy.toByteArray();
    }
}
