package org.itlgateway.gateway.wire;

import org.itlgateway.gateway.messaging.Receipt;

/**
 * What a node does with a verified request before it answers: the steps of the inbound pipeline after the
 * signature (header checks, duplicate detection, the inbox) and the receipt. Business processing happens
 * later, from the inbox.
 */
public interface MessageReceiver {

    Receipt receive(InboundMessage message);
}
