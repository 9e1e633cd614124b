package org.itlgateway.gateway.operator;

/**
 * What {@code POST /help-desk/queries} takes, the fields of the CDM communication form: who asks ({@code name},
 * {@code organisation}, {@code email}), in which {@code role} ({@code project-participant},
 * {@code coordinating-managing-entity}, {@code dna}, {@code doe}), about which {@code project} (its number in the
 * project table) or {@code programme} (a programme of activities' reference, with its {@code hostParty}), the
 * {@code subject} and the {@code question}.
 */
public record HelpDeskRequest(String name, String organisation, String email, String role, Long project,
                              String programme, String hostParty, String subject, String question) {
}
