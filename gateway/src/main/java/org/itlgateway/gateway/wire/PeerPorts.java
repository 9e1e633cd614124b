package org.itlgateway.gateway.wire;

import org.itlgateway.schemas.v1.registry.RegistryPortType;
import org.itlgateway.schemas.v1.transactionlog.TransactionLogPortType;

/**
 * The generated clients of one peer, one per service it hosts: a request is sent through the one of its operation's
 * service, asked for only then (a registry has no TransactionLogService to make a client of).
 */
public interface PeerPorts {

    RegistryPortType registry();

    TransactionLogPortType transactionLog();
}
