package org.itlgateway.gateway.evidence;

/** What an archive record is evidence of. */
public enum EvidenceKind {
    /** A signed message the node received and kept in its inbox, as it arrived. */
    MESSAGE_RECEIVED,
    /** A signed message the node sent and the peer answered with a receipt, as it left. */
    MESSAGE_SENT,
    /** A status a transaction reached. */
    STATUS_CHANGE
}
