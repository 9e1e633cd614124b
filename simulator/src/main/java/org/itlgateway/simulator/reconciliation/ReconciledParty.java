package org.itlgateway.simulator.reconciliation;

import java.util.List;
import java.util.Objects;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.holding.HeldBlock;
import org.itlgateway.core.holding.HeldBlockCursor;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.gateway.messaging.Operation;
import org.itlgateway.gateway.wire.Wire;
import org.itlgateway.gateway.wire.WireOperation;

/**
 * Whom a log reconciles: a registry, asked through its RegistryService about its own holdings; or the supplementary
 * log (the CITL), which the ITL asks through its TransactionLogService about its records of the registries it follows
 * (the EU registries, added up across them). The wire gives no account's registry in totals and blocks, so the
 * accounts of a supplementary log's holdings are compared as the EU's ({@code EU-120-1001-0}).
 */
public final class ReconciledParty {

    /** Whose accounts a supplementary log's holdings are, as compared. */
    static final RegistryCode EU = RegistryCode.of("EU");

    private final String code;
    private final List<RegistryCode> holders;
    private final boolean log;

    private ReconciledParty(String code, List<RegistryCode> holders, boolean log) {
        this.code = Objects.requireNonNull(code, "code");
        this.holders = List.copyOf(holders);
        this.log = log;
    }

    /** A registry, reconciled on its own holdings. */
    public static ReconciledParty registry(RegistryCode registry) {
        return new ReconciledParty(registry.value(), List.of(registry), false);
    }

    /** A supplementary log ({@code code}), reconciled on its records of the holdings of {@code followed}. */
    public static ReconciledParty supplementaryLog(String code, List<RegistryCode> followed) {
        return new ReconciledParty(code, followed, true);
    }

    /** Its node code: a registry code, or CITL. */
    public String code() {
        return code;
    }

    /** Whether it is a supplementary log, asked through its TransactionLogService (no initiateReconciliation). */
    public boolean isSupplementaryLog() {
        return log;
    }

    /** The registries whose holdings are compared. */
    List<RegistryCode> holders() {
        return holders;
    }

    /** The registry the reported accounts are taken to be of. */
    RegistryCode accountsOf() {
        return log ? EU : holders.get(0);
    }

    /** The log's own blocks of these holders, their accounts taken as the reported ones are. */
    HeldBlockCursor asCompared(HeldBlockCursor recorded) {
        if (!log) {
            return recorded;
        }
        return new HeldBlockCursor() {
            @Override
            public boolean hasNext() {
                return recorded.hasNext();
            }

            @Override
            public HeldBlock next() {
                HeldBlock block = recorded.next();
                AccountRef account = block.account();
                return new HeldBlock(block.block(), new AccountRef(EU, account.type(), account.identifier(),
                        account.period()), block.reservedBy());
            }

            @Override
            public void close() {
                recorded.close();
            }
        };
    }

    /**
     * The operation that carries a reconciliation request to this party: a registry's own, or the TransactionLogService
     * operation of the same name and content for a supplementary log.
     */
    @SuppressWarnings("unchecked")
    <C> WireOperation<?, C> addressed(WireOperation<?, C> toRegistry) {
        if (!log) {
            return toRegistry;
        }
        Operation operation = toRegistry.operation();
        WireOperation<?, ?> toLog;
        switch (operation) {
            case REGISTRY_PROVIDE_TOTALS:
                toLog = Wire.LOG_PROVIDE_TOTALS;
                break;
            case REGISTRY_PROVIDE_UNIT_BLOCKS:
                toLog = Wire.LOG_PROVIDE_UNIT_BLOCKS;
                break;
            case REGISTRY_PROVIDE_AUDIT_TRAIL:
                toLog = Wire.LOG_PROVIDE_AUDIT_TRAIL;
                break;
            case REGISTRY_RECEIVE_RECONCILIATION_RESULT:
                toLog = Wire.LOG_RECEIVE_RECONCILIATION_RESULT;
                break;
            default:
                throw new IllegalArgumentException(operation + " has no counterpart on a supplementary log");
        }
        return (WireOperation<?, C>) toLog;
    }

    @Override
    public String toString() {
        return code;
    }
}
