package org.itlgateway.gateway.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * On the benchmark's bare stack only: reads a request's bytes into memory as they arrive and keeps them with the
 * message, so the receiver behind the stack gets the bytes as received, as the direct path hands them. No size
 * limit: no node publishes the bare stack.
 */
final class ReceivedBytes extends AbstractPhaseInterceptor<Message> {

    private static final String KEY = ReceivedBytes.class.getName();

    ReceivedBytes() {
        super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        if (in == null) {
            return;
        }
        try {
            byte[] bytes = in.readAllBytes();
            message.put(KEY, bytes);
            message.setContent(InputStream.class, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new Fault(e);
        }
    }

    /** The bytes kept for {@code message}, or none when they were not kept. */
    static byte[] of(Message message) {
        Object bytes = message == null ? null : message.get(KEY);
        return bytes instanceof byte[] kept ? kept : new byte[0];
    }
}
