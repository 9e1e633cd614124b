package org.itlgateway.core.check.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.account.AccountRef;
import org.itlgateway.core.account.AccountType;
import org.itlgateway.core.check.RuleParameters;
import org.itlgateway.core.check.integrity.LulucfActivityRequired;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.transaction.Proposal;
import org.itlgateway.core.transaction.TransactionId;
import org.itlgateway.core.transaction.TransactionType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.SerialRange;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitAttributes;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;
import org.itlgateway.core.unit.UnitType;

/**
 * The one place where raw input becomes domain values: turns a {@link ProposalForm} into a {@link Proposal}, or,
 * when the form describes something a proposal cannot be, into the results that say why. It never throws.
 *
 * <p>What it refuses, and with which code: no blocks (2004), more blocks than allowed (2003), a block that starts
 * after it ends (2001) or below serial 1 (2020), a malformed registry code (1020 transferring, 1022 acquiring, 2005
 * originating), a malformed transaction identifier (3001), and values outside the DES code lists, each with the
 * code of the rule it would break: transaction type (3014), account type (3024, 3025), an account named
 * incompletely or with a bad identifier or period (3004, 3005), unit type and supplementary unit type (2006),
 * commitment period (2008), LULUCF activity (2011 where the unit type needs one, else 2012), track (2013 for ERUs,
 * else 2014). Blocks of one proposal go to one acquiring account: per-block acquiring accounts that differ from it
 * are refused with 3025. Everything a proposal can hold is left to the checks.
 */
public final class ProposalIntake {

    /** The codes the intake answers with. */
    public static final Set<ResponseCode> CODES = Set.of(ResponseCode.TRANSFERRING_REGISTRY_UNKNOWN,
            ResponseCode.ACQUIRING_REGISTRY_UNKNOWN, ResponseCode.BLOCK_START_AFTER_END, ResponseCode.TOO_MANY_BLOCKS,
            ResponseCode.NO_UNIT_BLOCKS, ResponseCode.ORIGINATING_REGISTRY_UNKNOWN,
            ResponseCode.UNIT_TYPE_NOT_ISSUED_BY_ORIGINATING_REGISTRY, ResponseCode.KYOTO_UNIT_WITHOUT_PERIOD,
            ResponseCode.LULUCF_ACTIVITY_REQUIRED, ResponseCode.LULUCF_ACTIVITY_NOT_ALLOWED, ResponseCode.TRACK_REQUIRED,
            ResponseCode.TRACK_NOT_ALLOWED, ResponseCode.UNITS_DO_NOT_EXIST,
            ResponseCode.TRANSACTION_IDENTIFIER_NOT_OF_PROPOSER, ResponseCode.TRANSFERRING_ACCOUNT_UNKNOWN,
            ResponseCode.ACQUIRING_ACCOUNT_UNKNOWN, ResponseCode.SUPPLEMENTARY_TYPE_INVALID,
            ResponseCode.TRANSFERRING_ACCOUNT_TYPE_NOT_ALLOWED, ResponseCode.ACQUIRING_ACCOUNT_TYPE_NOT_ALLOWED);

    private static final int MAX_SUPP_UNIT_TYPE = 99;

    private final int maxBlocksPerProposal;

    public ProposalIntake(int maxBlocksPerProposal) {
        this.maxBlocksPerProposal = maxBlocksPerProposal;
    }

    public static ProposalIntake of(RuleParameters parameters) {
        return new ProposalIntake(parameters.maxBlocksPerProposal());
    }

    /** The proposal the form describes, received at {@code receivedAt}, or why there is none. */
    public IntakeOutcome admit(ProposalForm form, Instant receivedAt) {
        Findings findings = new Findings();
        if (form == null) {
            findings.add(ResponseCode.NO_UNIT_BLOCKS, null, "the message carries no proposal");
            return findings.outcome();
        }
        TransactionId id = transactionId(form.transactionIdentifier(), findings);
        RegistryCode transferring = registry(form.transferringRegistryCode(), ResponseCode.TRANSFERRING_REGISTRY_UNKNOWN,
                "transferring", findings);
        RegistryCode acquiring = registry(form.acquiringRegistryCode(), ResponseCode.ACQUIRING_REGISTRY_UNKNOWN,
                "acquiring", findings);
        TransactionType type = CodedValue.fromCodeOrNull(TransactionType.class, form.transactionType());
        if (type == null) {
            findings.add(ResponseCode.SUPPLEMENTARY_TYPE_INVALID, null, "there is no transaction type " + form.transactionType());
        }
        Integer transferringPeriod = form.transferringAccountCommitPeriod();
        Integer acquiringPeriod = form.acquiringAccountCommitPeriod();
        AccountRef transferringAccount = Side.TRANSFERRING.account(transferring, form.transferringAccountType(),
                form.transferringAccountIdentifier(), transferringPeriod, null, "", findings);
        AccountRef acquiringAccount = Side.ACQUIRING.account(acquiring, form.acquiringAccountType(),
                form.acquiringAccountIdentifier(), acquiringPeriod, null, "", findings);

        List<UnitBlockForm> forms = form.unitBlocks() == null ? List.of()
                : form.unitBlocks().stream().filter(Objects::nonNull).toList();
        if (forms.isEmpty()) {
            findings.add(ResponseCode.NO_UNIT_BLOCKS, null, "the proposal carries no unit block");
            return findings.outcome();
        }
        if (forms.size() > maxBlocksPerProposal) {
            findings.add(ResponseCode.TOO_MANY_BLOCKS, null, "the proposal carries " + forms.size()
                    + " unit blocks; at most " + maxBlocksPerProposal + " are allowed");
            return findings.outcome();
        }
        List<UnitBlock> blocks = new ArrayList<>();
        Map<UnitBlockId, AccountRef> blockAccounts = new HashMap<>();
        Set<AccountRef> blockAcquiringAccounts = new LinkedHashSet<>();
        for (int i = 0; i < forms.size(); i++) {
            UnitBlockForm blockForm = forms.get(i);
            String where = "block " + (i + 1);
            UnitBlock block = block(blockForm, where, findings);
            UnitBlockId blockId = block == null ? null : block.id();
            AccountRef leaves = Side.TRANSFERRING.account(transferring, blockForm.transferringAccountType(),
                    blockForm.transferringAccountIdentifier(), transferringPeriod, blockId, " of " + where, findings);
            AccountRef goesTo = Side.ACQUIRING.account(acquiring, blockForm.acquiringAccountType(),
                    blockForm.acquiringAccountIdentifier(), acquiringPeriod, blockId, " of " + where, findings);
            if (block != null) {
                blocks.add(block);
                if (leaves != null && !leaves.equals(transferringAccount)) {
                    blockAccounts.put(block.id(), leaves);
                }
            }
            if (goesTo != null) {
                blockAcquiringAccounts.add(goesTo);
            }
        }
        if (acquiringAccount != null) {
            blockAcquiringAccounts.add(acquiringAccount);
        }
        if (blockAcquiringAccounts.size() > 1) {
            findings.add(ResponseCode.ACQUIRING_ACCOUNT_TYPE_NOT_ALLOWED, null,
                    "the blocks of one proposal go to one acquiring account, not to " + blockAcquiringAccounts);
        } else if (acquiringAccount == null && !blockAcquiringAccounts.isEmpty()) {
            acquiringAccount = blockAcquiringAccounts.iterator().next();
        }
        if (!findings.isEmpty()) {
            return findings.outcome();
        }
        Instant proposedAt = form.proposalDateTime() == null ? receivedAt : form.proposalDateTime();
        return IntakeOutcome.admitted(new Proposal(id, type, form.suppTransactionType(), transferring, transferringAccount,
                acquiring, acquiringAccount, form.notificationIdentifier(), blocks, blockAccounts, proposedAt));
    }

    private static TransactionId transactionId(String text, Findings findings) {
        try {
            return TransactionId.parse(text);
        } catch (IllegalArgumentException malformed) {
            findings.add(ResponseCode.TRANSACTION_IDENTIFIER_NOT_OF_PROPOSER, null,
                    "the transaction identifier '" + text + "' is not a registry code followed by a sequence number");
            return null;
        }
    }

    private static RegistryCode registry(String text, ResponseCode code, String role, Findings findings) {
        if (RegistryCode.isWellFormed(text)) {
            return RegistryCode.of(text);
        }
        findings.add(code, null, "the " + role + " registry code '" + text + "' is not a registry code");
        return null;
    }

    /** The block the form describes, or {@code null} after recording why there is none. */
    private static UnitBlock block(UnitBlockForm form, String where, Findings findings) {
        int before = findings.size();
        long start = form.unitSerialBlockStart();
        long end = form.unitSerialBlockEnd();
        RegistryCode origin = null;
        if (RegistryCode.isWellFormed(form.originatingRegistryCode())) {
            origin = RegistryCode.of(form.originatingRegistryCode());
        } else {
            findings.add(ResponseCode.ORIGINATING_REGISTRY_UNKNOWN, null,
                    where + " names originating registry '" + form.originatingRegistryCode() + "'");
        }
        SerialRange range = null;
        if (start > end) {
            findings.add(ResponseCode.BLOCK_START_AFTER_END, null, where + " starts at " + start + ", after its end " + end);
        } else if (start < 1) {
            findings.add(ResponseCode.UNITS_DO_NOT_EXIST, null, where + " names serial " + start + "; serial numbers start at 1");
        } else {
            range = new SerialRange(start, end);
        }
        UnitBlockId id = origin == null || range == null ? null : new UnitBlockId(origin, range);
        UnitType type = CodedValue.fromCodeOrNull(UnitType.class, form.unitType());
        if (type == null) {
            findings.add(ResponseCode.UNIT_TYPE_NOT_ISSUED_BY_ORIGINATING_REGISTRY, id,
                    where + " has unit type " + form.unitType() + ", which does not exist");
        }
        if (form.suppUnitType() < 0 || form.suppUnitType() > MAX_SUPP_UNIT_TYPE) {
            findings.add(ResponseCode.UNIT_TYPE_NOT_ISSUED_BY_ORIGINATING_REGISTRY, id,
                    where + " has supplementary unit type " + form.suppUnitType() + ", which does not exist");
        }
        CommitmentPeriod original = period(form.originalCommitPeriod(), id, where, findings);
        CommitmentPeriod applicable = period(form.applicableCommitPeriod(), id, where, findings);
        LulucfActivity activity = null;
        if (form.lulucfActivity() != null) {
            activity = CodedValue.fromCodeOrNull(LulucfActivity.class, form.lulucfActivity());
            if (activity == null) {
                boolean needsOne = type != null && LulucfActivityRequired.LULUCF_UNITS.contains(type);
                findings.add(needsOne ? ResponseCode.LULUCF_ACTIVITY_REQUIRED : ResponseCode.LULUCF_ACTIVITY_NOT_ALLOWED, id,
                        where + " has LULUCF activity " + form.lulucfActivity() + ", which does not exist");
            }
        }
        Track track = null;
        if (form.track() != null) {
            track = CodedValue.fromCodeOrNull(Track.class, form.track());
            if (track == null) {
                boolean needsOne = type != null && type.isEru();
                findings.add(needsOne ? ResponseCode.TRACK_REQUIRED : ResponseCode.TRACK_NOT_ALLOWED, id,
                        where + " has JI track " + form.track() + ", which does not exist");
            }
        }
        if (findings.size() > before) {
            return null;
        }
        return new UnitBlock(range, new UnitAttributes(origin, type, form.suppUnitType(), original, applicable, activity,
                form.projectIdentifier(), track, form.expiryDate()));
    }

    private static CommitmentPeriod period(int code, UnitBlockId id, String where, Findings findings) {
        CommitmentPeriod period = CodedValue.fromCodeOrNull(CommitmentPeriod.class, code);
        if (period == null) {
            findings.add(ResponseCode.KYOTO_UNIT_WITHOUT_PERIOD, id, where + " has commitment period " + code
                    + ", which does not exist");
        }
        return period;
    }

    /** The two sides of a proposal, each with its codes for an account that cannot be read. */
    private enum Side {
        TRANSFERRING("transferring", ResponseCode.TRANSFERRING_ACCOUNT_TYPE_NOT_ALLOWED, ResponseCode.TRANSFERRING_ACCOUNT_UNKNOWN),
        ACQUIRING("acquiring", ResponseCode.ACQUIRING_ACCOUNT_TYPE_NOT_ALLOWED, ResponseCode.ACQUIRING_ACCOUNT_UNKNOWN);

        private final String role;
        private final ResponseCode typeCode;
        private final ResponseCode accountCode;

        Side(String role, ResponseCode typeCode, ResponseCode accountCode) {
            this.role = role;
            this.typeCode = typeCode;
            this.accountCode = accountCode;
        }

        /** The account named, {@code null} when none is (or after recording why it cannot be read). */
        AccountRef account(RegistryCode registry, Integer type, Long identifier, Integer period, UnitBlockId block,
                           String where, Findings findings) {
            if (type == null && identifier == null) {
                return null;
            }
            String what = "the " + role + " account" + where;
            if (type == null || identifier == null) {
                findings.add(accountCode, block, what + " is named without its " + (type == null ? "type" : "identifier"));
                return null;
            }
            AccountType accountType = CodedValue.fromCodeOrNull(AccountType.class, type);
            CommitmentPeriod accountPeriod = period == null ? CommitmentPeriod.ZERO
                    : CodedValue.fromCodeOrNull(CommitmentPeriod.class, period);
            boolean readable = true;
            if (accountType == null) {
                findings.add(typeCode, block, what + " has account type " + type + ", which does not exist");
                readable = false;
            }
            if (identifier < 1) {
                findings.add(accountCode, block, what + " has identifier " + identifier + "; identifiers start at 1");
                readable = false;
            }
            if (accountPeriod == null) {
                findings.add(accountCode, block, what + " has commitment period " + period + ", which does not exist");
                readable = false;
            }
            return readable && registry != null ? new AccountRef(registry, accountType, identifier, accountPeriod) : null;
        }
    }

    /** The problems found so far, one result per code, in the order first found. */
    private static final class Findings {

        /** The details spelled out in one result's description; the rest are counted. */
        private static final int DETAILS_SPELLED_OUT = 5;

        private final Map<ResponseCode, List<UnitBlockId>> blocks = new LinkedHashMap<>();
        private final Map<ResponseCode, List<String>> details = new LinkedHashMap<>();
        private int size;

        void add(ResponseCode code, UnitBlockId block, String detail) {
            List<UnitBlockId> ids = blocks.computeIfAbsent(code, c -> new ArrayList<>());
            if (block != null && !ids.contains(block)) {
                ids.add(block);
            }
            details.computeIfAbsent(code, c -> new ArrayList<>()).add(detail);
            size++;
        }

        int size() {
            return size;
        }

        boolean isEmpty() {
            return size == 0;
        }

        IntakeOutcome outcome() {
            List<EvaluationResult> results = new ArrayList<>();
            blocks.forEach((code, ids) -> results.add(EvaluationResult.of(code, ids, describe(details.get(code)))));
            return IntakeOutcome.refused(results);
        }

        private static String describe(List<String> found) {
            String spelledOut = String.join("; ", found.subList(0, Math.min(found.size(), DETAILS_SPELLED_OUT)));
            int rest = found.size() - DETAILS_SPELLED_OUT;
            return rest > 0 ? spelledOut + "; and " + rest + " more" : spelledOut;
        }
    }
}
