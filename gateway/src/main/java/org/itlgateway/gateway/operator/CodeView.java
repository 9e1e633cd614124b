package org.itlgateway.gateway.operator;

/** A value of a DES code list as the API writes it: its number and what it means. */
public record CodeView(int code, String label) {
}
