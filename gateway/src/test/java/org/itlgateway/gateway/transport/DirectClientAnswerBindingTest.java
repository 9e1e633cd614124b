package org.itlgateway.gateway.transport;

import java.time.Duration;
import org.itlgateway.gateway.security.MessageSignatures;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;

/** The rules of {@link AnswerBindingTest}, for the clients the nodes send through (the direct path). */
class DirectClientAnswerBindingTest extends AnswerBindingTest {

    @Override
    TransactionLogPortType client(String address, MessageSignatures signatures, Duration timeout) {
        return DirectClients.transactionLog(address, "ITL", signatures, timeout, null);
    }
}
