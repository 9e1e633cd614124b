package org.itlgateway.simulator.fault;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee11.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Breaks one HTTP exchange on the node's side, at the connection (the node's endpoints run on Jetty under CXF):
 * closes it without a response, resets it, sends half a response or bytes that are not HTTP before closing it.
 */
final class ReplyBreakage {

    private final RuleKind kind;
    private final byte[] garbage;

    /**
     * @param garbage for GARBAGE_THEN_CLOSE: the bytes sent (drawn from the seed, so a run is repeatable)
     */
    ReplyBreakage(RuleKind kind, byte[] garbage) {
        if (!kind.breaksTheExchange()) {
            throw new IllegalArgumentException(kind + " does not break an exchange");
        }
        this.kind = kind;
        this.garbage = garbage.clone();
    }

    RuleKind kind() {
        return kind;
    }

    /** Answers the exchange this way instead of with {@code reply}, the answer the node meant to send. */
    void apply(HttpServletRequest request, HttpServletResponse response, byte[] reply) throws IOException {
        EndPoint endPoint = ServletContextRequest.getServletContextRequest(request).getConnectionMetaData()
                .getConnection().getEndPoint();
        switch (kind) {
            case DROP -> endPoint.close();
            case CONNECTION_RESET -> {
                // SO_LINGER 0: closing sends a TCP reset, not the orderly end of the stream
                if (endPoint.getTransport() instanceof SocketChannel channel) {
                    channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                    channel.close();
                }
                endPoint.close();
            }
            case TRUNCATED_BODY -> {
                response.setStatus(200);
                response.setContentType("text/xml; charset=UTF-8");
                response.setContentLength(reply.length);
                response.getOutputStream().write(reply, 0, reply.length / 2);
                response.flushBuffer();
                endPoint.close();
            }
            case GARBAGE_THEN_CLOSE -> {
                endPoint.flush(ByteBuffer.wrap(garbage));
                endPoint.close();
            }
            default -> throw new IllegalStateException("not a breakage: " + kind);
        }
    }
}
