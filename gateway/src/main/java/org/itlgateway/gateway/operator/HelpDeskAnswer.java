package org.itlgateway.gateway.operator;

/** What {@code POST /help-desk/queries/{reference}/answer} takes: who answers, and the answer. */
public record HelpDeskAnswer(String by, String answer) {
}
