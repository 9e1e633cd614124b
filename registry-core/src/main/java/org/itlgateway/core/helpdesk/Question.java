package org.itlgateway.core.helpdesk;

import java.util.Objects;
import org.itlgateway.core.registry.RegistryCode;

/**
 * A query as the CDM communication form takes it: who asks (name, organisation, e-mail), in which role, about which
 * project (its number in the project table) or programme of activities (its reference, with its host Party), and
 * the question.
 *
 * @param name         who asks
 * @param organisation for whom
 * @param email        where the acknowledgement and the answer go
 * @param role         in which role
 * @param project      the project's number, or null for a programme
 * @param programme    the programme of activities' reference, or null
 * @param hostParty    the host Party as given (needed for a programme; a project's is taken from the project table)
 * @param subject      a line saying what it is about
 * @param text         the question
 */
public record Question(String name, String organisation, String email, StakeholderRole role, Long project,
                       String programme, RegistryCode hostParty, String subject, String text) {

    public Question {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        organisation = organisation == null ? "" : organisation;
        subject = subject == null ? "" : subject;
    }
}
