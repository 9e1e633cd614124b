package org.itlgateway.gateway.inbound;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.itlgateway.core.result.ResponseCode;

/**
 * The first inbound step: reads the message, refusing it (1012) as soon as it grows past the limit, and keeps
 * the bytes as received so the journal and the inbox hold the signed XML exactly.
 */
public final class MessageSizeLimit extends AbstractPhaseInterceptor<Message> {

    /** Where the received bytes are kept on the message. */
    public static final String RAW_XML = "itlgateway.rawXml";

    private final int maxBytes;

    public MessageSizeLimit(int maxBytes) {
        super(Phase.RECEIVE);
        this.maxBytes = maxBytes;
    }

    @Override
    public void handleMessage(Message message) {
        InputStream in = message.getContent(InputStream.class);
        if (in == null) {
            return;
        }
        ByteArrayOutputStream copy = new ByteArrayOutputStream(16 * 1024);
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                copy.write(buffer, 0, read);
                if (copy.size() > maxBytes) {
                    throw Refusals.fault(ResponseCode.MESSAGE_TOO_LARGE,
                            "the message is larger than " + maxBytes + " bytes");
                }
            }
        } catch (IOException e) {
            throw Refusals.fault(ResponseCode.MESSAGE_TOO_LARGE, "the message could not be read whole");
        }
        byte[] raw = copy.toByteArray();
        message.put(RAW_XML, raw);
        message.setContent(InputStream.class, new ByteArrayInputStream(raw));
    }

    /** The bytes of the current message as received, or an empty array. */
    public static byte[] rawXmlOf(Message message) {
        Object raw = message == null ? null : message.getExchange().getInMessage().get(RAW_XML);
        return raw instanceof byte[] bytes ? bytes : new byte[0];
    }
}
