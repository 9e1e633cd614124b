package org.itlgateway.gateway.operator;

import java.util.List;
import java.util.Optional;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.cdm.CdmAccounts;
import org.itlgateway.core.cdm.CdmRegistry;
import org.itlgateway.core.cdm.IssuanceRequest;
import org.itlgateway.core.lifecycle.ProposalOutcome;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitType;

/**
 * The CDM registry's operations as an operator asks for them, each a JSON object with an {@code operation}:
 * <ul>
 *   <li>{@code issue}: {@code project}, {@code unitType} (default CER), {@code period}, {@code quantity},
 *       {@code expiryDate} (tCERs and lCERs);</li>
 *   <li>{@code forward}: {@code to}, and the units from the pending account;</li>
 *   <li>{@code transfer}: {@code from}, {@code to}, and the units;</li>
 *   <li>{@code cancelVoluntarily}: {@code from}, the units, {@code purpose}, {@code beneficiary};</li>
 *   <li>{@code cancelAgainstNotice}: {@code notice}, {@code from}, and the units;</li>
 *   <li>{@code transferShareOfProceeds}: {@code issuance} (the issuance transaction whose share is owed);</li>
 *   <li>{@code forwardTemporaryHoldingAccounts}: {@code registry} (now connected).</li>
 * </ul>
 * The units are named either as {@code blocks} or as {@code project} and {@code quantity}: then the lowest free
 * serial numbers of that project in the account are taken (never those owed to the Adaptation Fund).
 */
final class CdmOperations {

    static final List<String> OPERATIONS = List.of("issue", "forward", "transfer", "cancelVoluntarily",
            "cancelAgainstNotice", "transferShareOfProceeds", "forwardTemporaryHoldingAccounts");

    private final CdmRegistry cdm;

    CdmOperations(CdmRegistry cdm) {
        this.cdm = cdm;
    }

    /** The action the request asks for; a request that cannot be read is answered 400 before anything runs. */
    ProposalAction read(TransactionRequest body) {
        String operation = TransactionRequest.required(body.operation(), "operation", "one of " + String.join(", ", OPERATIONS));
        return switch (operation) {
            case "issue" -> issue(body.onlyFields(List.of("operation", "project", "unitType", "period", "quantity",
                    "expiryDate")));
            case "forward" -> {
                body.onlyFields(List.of("operation", "to", "project", "quantity", "blocks"));
                AccountRef to = account(body.to(), "to");
                Units units = Units.of(body);
                yield ProposalAction.one(() -> units.from(cdm, CdmAccounts.PENDING)
                        .map(blocks -> cdm.forward(to, blocks)).orElseGet(() -> units.tooFew(CdmAccounts.PENDING)));
            }
            case "transfer" -> {
                body.onlyFields(List.of("operation", "from", "to", "project", "quantity", "blocks"));
                AccountRef from = account(body.from(), "from");
                AccountRef to = account(body.to(), "to");
                Units units = Units.of(body);
                yield ProposalAction.one(() -> units.from(cdm, from)
                        .map(blocks -> cdm.transfer(from, to, blocks)).orElseGet(() -> units.tooFew(from)));
            }
            case "cancelVoluntarily" -> {
                body.onlyFields(List.of("operation", "from", "project", "quantity", "blocks", "purpose", "beneficiary"));
                AccountRef from = account(body.from(), "from");
                String purpose = body.purpose() == null ? "" : body.purpose();
                String beneficiary = body.beneficiary() == null ? "" : body.beneficiary();
                Units units = Units.of(body);
                yield ProposalAction.one(() -> units.from(cdm, from)
                        .map(blocks -> cdm.cancelVoluntarily(from, blocks, purpose, beneficiary))
                        .orElseGet(() -> units.tooFew(from)));
            }
            case "cancelAgainstNotice" -> {
                body.onlyFields(List.of("operation", "notice", "from", "project", "quantity", "blocks"));
                long notice = TransactionRequest.required(body.notice(), "notice", "a whole number");
                AccountRef from = account(body.from(), "from");
                Units units = Units.of(body);
                yield ProposalAction.one(() -> units.from(cdm, from)
                        .map(blocks -> cdm.cancelAgainstNotice(notice, from, blocks)).orElseGet(() -> units.tooFew(from)));
            }
            case "transferShareOfProceeds" -> {
                body.onlyFields(List.of("operation", "issuance"));
                TransactionId issuance = TransactionRequest.required(body.issuance(), "issuance",
                        "the issuance transaction, such as CDM17");
                yield ProposalAction.one(() -> cdm.transferShareOfProceeds(issuance));
            }
            case "forwardTemporaryHoldingAccounts" -> {
                body.onlyFields(List.of("operation", "registry"));
                RegistryCode registry = TransactionRequest.required(body.registry(), "registry",
                        "a registry code such as JP or CDM");
                yield ProposalAction.many(() -> cdm.forwardTemporaryHoldingAccounts(registry));
            }
            default -> throw ApiProblem.invalid("operation", "operation must be one of " + String.join(", ", OPERATIONS)
                    + ", not " + operation);
        };
    }

    private static AccountRef account(AccountRef account, String field) {
        return TransactionRequest.required(account, field, "an account such as CDM-120-10001-0");
    }

    private ProposalAction issue(TransactionRequest body) {
        long project = TransactionRequest.positive(body.project(), "project");
        UnitType unitType = body.unitType() != null ? body.unitType() : UnitType.CER;
        CommitmentPeriod period = TransactionRequest.required(body.period(), "period",
                "a commitment period such as 2 or CP2");
        long quantity = TransactionRequest.positive(body.quantity(), "quantity");
        IssuanceRequest request = new IssuanceRequest(project, unitType, period, quantity, body.expiryDate());
        return ProposalAction.one(() -> cdm.issue(request));
    }

    /** The units an operation names: its blocks, or a quantity of a project's free units. */
    private record Units(List<UnitBlock> blocks, Long project, Long quantity) {

        static Units of(TransactionRequest body) {
            if (body.blocks() != null) {
                if (body.project() != null || body.quantity() != null) {
                    throw ApiProblem.badRequest("name the units either as blocks or as project and quantity, not both");
                }
                return new Units(BlockFields.blocksOf(body.blocks(), RegistryCode.CDM), null, null);
            }
            if (body.project() == null && body.quantity() == null) {
                throw ApiProblem.badRequest("name the units: blocks, or project and quantity");
            }
            return new Units(null, TransactionRequest.positive(body.project(), "project"),
                    TransactionRequest.positive(body.quantity(), "quantity"));
        }

        /** The units, taken from {@code account} now (inside the unit of work), or empty when it has too few. */
        Optional<List<UnitBlock>> from(CdmRegistry cdm, AccountRef account) {
            return blocks != null ? Optional.of(blocks) : cdm.freeUnits(account, project, quantity);
        }

        ProposalOutcome tooFew(AccountRef account) {
            return ProposalOutcome.refused(EvaluationResult.of(ResponseCode.UNITS_NOT_HELD,
                    account + " holds fewer than " + quantity + " free units of project " + project));
        }
    }
}
