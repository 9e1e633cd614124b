package org.itlgateway.simulator.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * This project's registry gateway ({@code ./itl-registry}) driven through its operator API: the runner proposes,
 * opens accounts and reads the registry's own view itself, so the whole plan runs unattended.
 */
public final class OperatorApiRegistry implements RegistryUnderTest {

    private final String code;
    private final OperatorApiClient api;

    public OperatorApiRegistry(String code, String operatorAddress, String token) {
        this(code, operatorAddress, () -> token);
    }

    private OperatorApiRegistry(String code, String operatorAddress, Supplier<String> token) {
        this.code = code;
        this.api = new OperatorApiClient(operatorAddress, token);
    }

    /**
     * The same with the token read from a file (the gateway's {@code operator-token}) when the runner first calls the
     * API: the gateway may write it after the network started.
     */
    public static OperatorApiRegistry withTokenFile(String code, String operatorAddress, Path tokenFile) {
        return new OperatorApiRegistry(code, operatorAddress, () -> {
            if (tokenFile == null) {
                return null;
            }
            try {
                return Files.readString(tokenFile).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("the operator token file " + tokenFile + " cannot be read", e);
            }
        });
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String propose(Action action, Conformance conformance) {
        OperatorApiClient.Answer answer = api.post(action.path(), action.body());
        if (answer.status() != 202 && answer.status() != 201 && answer.status() != 200) {
            throw new ConformanceFailure(code + " refused to propose (" + action.instruction() + "): " + answer.status()
                    + " " + answer.text());
        }
        String transaction = answer.json() == null ? "" : answer.json().path("transaction").asText("");
        if (transaction.isEmpty()) {
            throw new ConformanceFailure(code + " named no transaction for its proposal: " + answer.text());
        }
        conformance.awaitProposalAtItl(transaction);
        return transaction;
    }

    @Override
    public Optional<JsonNode> prepare(Action action) {
        OperatorApiClient.Answer answer = api.post(action.path(), action.body());
        if (answer.status() / 100 != 2 && answer.status() != 409) {
            throw new ConformanceFailure(code + " could not " + action.instruction() + ": " + answer.status() + " "
                    + answer.text());
        }
        return Optional.ofNullable(answer.json());
    }

    @Override
    public Optional<JsonNode> view(String path) {
        OperatorApiClient.Answer answer = api.get(path);
        if (answer.status() != 200 || answer.json() == null) {
            throw new ConformanceFailure(code + "'s operator API answered GET " + path + " with " + answer.status() + " "
                    + answer.text());
        }
        return Optional.of(answer.json());
    }

    @Override
    public boolean driven() {
        return true;
    }
}
