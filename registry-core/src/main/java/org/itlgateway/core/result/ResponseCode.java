package org.itlgateway.core.result;

import org.itlgateway.core.CodedValue;

/**
 * The catalogue of response codes: one stable number per named rule, in the DES scheme.
 *
 * <ul>
 *   <li>1xxx version, authentication, message and registry;</li>
 *   <li>2xxx data integrity and unit blocks;</li>
 *   <li>3xxx general transaction;</li>
 *   <li>4xxx message sequence and timing;</li>
 *   <li>5xxx transaction-specific (53xx: acquiring registries' own acceptance rules);</li>
 *   <li>6xxx reconciliation (602x: the registries' evidence checkpoints the ITL keeps);</li>
 *   <li>7xxx the CITL's supplementary checks for EU registries.</li>
 * </ul>
 *
 * Codes known from the real ITL and CITL keep their numbers: 1031, 1032, 2017, 5008, 7005, 7006, 7020-7023,
 * 7027. The others are designed in the same scheme. Numbers never change meaning; a rule that goes away leaves
 * its number unused. {@code docs/response-codes.md} is generated from this enum.
 */
public enum ResponseCode implements CodedValue {
    UNKNOWN_SENDER(1001, Layer.MESSAGE,
            "The sender named in the header is not a registry or log known to the receiver."),
    SIGNATURE_MISSING(1002, Layer.MESSAGE,
            "The message carries no WS-Security signature over its Body and Timestamp."),
    SIGNATURE_INVALID(1003, Layer.MESSAGE,
            "The message signature does not verify, or signs other elements than the Body and Timestamp processed."),
    CERTIFICATE_NOT_TRUSTED(1004, Layer.MESSAGE,
            "The signer certificate does not chain to the configured trust anchor."),
    CERTIFICATE_REVOKED(1005, Layer.MESSAGE,
            "The signer certificate is revoked by the CA's certificate revocation list."),
    CERTIFICATE_EXPIRED(1006, Layer.MESSAGE,
            "The signer certificate is not valid at the time of the message."),
    SIGNER_IS_NOT_SENDER(1007, Layer.MESSAGE,
            "The signer certificate names another registry than the header's from field."),
    MESSAGE_REPLAYED(1008, Layer.MESSAGE,
            "The same signed message was received before (replay)."),
    TIMESTAMP_STALE(1009, Layer.MESSAGE,
            "The message timestamp is missing, expired or too far in the future."),
    WRONG_RECIPIENT(1010, Layer.MESSAGE,
            "The header's to field does not name the receiving registry or log."),
    SCHEMA_INVALID(1011, Layer.MESSAGE,
            "The message does not conform to the DES schema."),
    MESSAGE_TOO_LARGE(1012, Layer.MESSAGE,
            "The message exceeds the size, depth or element-count limits."),
    HOSTILE_XML(1013, Layer.MESSAGE,
            "The message carries a DOCTYPE, an entity declaration or another construct SOAP forbids."),
    SOAP_ACTION_MISMATCH(1014, Layer.MESSAGE,
            "The SOAPAction header does not match the operation in the Body."),
    OPERATION_NOT_ALLOWED_FOR_SENDER(1015, Layer.MESSAGE,
            "The sender may not call this operation (e.g. a registry calling a log-only operation)."),
    SIGNATURE_ALGORITHM_NOT_ALLOWED(1016, Layer.MESSAGE,
            "The signature, its digests or the signer's key are not on the allow-list (RSA-SHA256/384/512 or "
            + "ECDSA-SHA256/384, SHA-256 digests or stronger, RSA of 2048 bits or more, EC P-256 or P-384), "
            + "or the signer certificate is not for digital signatures."),
    SECURITY_TOKEN_NOT_ACCEPTED(1018, Layer.MESSAGE,
            "The WS-Security header carries a token this node does not accept: only an X.509 BinarySecurityToken, a Signature and a Timestamp (no SAML, UsernameToken or encryption)."),
    TRANSACTION_NOT_OF_SENDER(1019, Layer.RULE,
            "The sender asks about a transaction it is not a party to (neither its transferring nor its acquiring registry)."),
    TRANSFERRING_REGISTRY_UNKNOWN(1020, Layer.RULE,
            "The transferring registry is not known to the transaction log."),
    TRANSFERRING_REGISTRY_NOT_OPERATING(1021, Layer.RULE,
            "The transferring registry is not in operation (suspended, closed or not yet connected)."),
    ACQUIRING_REGISTRY_UNKNOWN(1022, Layer.RULE,
            "The acquiring registry is not known to the transaction log."),
    ACQUIRING_REGISTRY_NOT_OPERATING(1023, Layer.RULE,
            "The acquiring registry is not in operation."),
    PROPOSER_IS_NOT_TRANSFERRING_REGISTRY(1024, Layer.RULE,
            "The registry that sent the proposal is not the transferring registry."),
    MAJOR_VERSION_UNSUPPORTED(1031, Layer.MESSAGE,
            "The major version in the header is not supported."),
    MINOR_VERSION_UNSUPPORTED(1032, Layer.MESSAGE,
            "The minor version in the header is not supported."),
    BLOCK_START_AFTER_END(2001, Layer.RULE,
            "A unit block starts after it ends."),
    BLOCKS_OVERLAP_IN_PROPOSAL(2002, Layer.RULE,
            "Two unit blocks of the proposal name some of the same units."),
    TOO_MANY_BLOCKS(2003, Layer.RULE,
            "The proposal carries more than 3,000 unit blocks."),
    NO_UNIT_BLOCKS(2004, Layer.RULE,
            "The proposal carries no unit block."),
    ORIGINATING_REGISTRY_UNKNOWN(2005, Layer.RULE,
            "A unit block names an originating registry that does not exist."),
    UNIT_TYPE_NOT_ISSUED_BY_ORIGINATING_REGISTRY(2006, Layer.RULE,
            "The unit type cannot originate in the block's originating registry (CERs only in CDM; AAUs, RMUs and ERUs never in CDM)."),
    APPLICABLE_PERIOD_BEFORE_ORIGINAL(2007, Layer.RULE,
            "A block's applicable commitment period is earlier than its original period."),
    KYOTO_UNIT_WITHOUT_PERIOD(2008, Layer.RULE,
            "A Kyoto unit block has commitment period 0."),
    EXPIRY_DATE_REQUIRED(2009, Layer.RULE,
            "A tCER or lCER block has no expiry date."),
    EXPIRY_DATE_NOT_ALLOWED(2010, Layer.RULE,
            "A block of units that do not expire carries an expiry date."),
    LULUCF_ACTIVITY_REQUIRED(2011, Layer.RULE,
            "An RMU, ERU from RMU, tCER or lCER block has no LULUCF activity."),
    LULUCF_ACTIVITY_NOT_ALLOWED(2012, Layer.RULE,
            "A block of units that do not come from LULUCF carries a LULUCF activity."),
    TRACK_REQUIRED(2013, Layer.RULE,
            "An ERU block has no JI track."),
    TRACK_NOT_ALLOWED(2014, Layer.RULE,
            "A block of units other than ERUs carries a JI track."),
    TEMPORARY_UNIT_NOT_AFFORESTATION(2015, Layer.RULE,
            "A tCER or lCER block names another LULUCF activity than afforestation and reforestation."),
    PROJECT_IDENTIFIER_REQUIRED(2017, Layer.RULE,
            "A CER, tCER, lCER or ERU block has no project identifier."),
    PROJECT_IDENTIFIER_NOT_ALLOWED(2018, Layer.RULE,
            "An AAU, RMU or non-Kyoto block carries a project identifier."),
    PROJECT_UNKNOWN(2019, Layer.RULE,
            "A block names a project that is not in the project reference table."),
    UNITS_DO_NOT_EXIST(2020, Layer.RULE,
            "A block names serial numbers that were never issued."),
    BLOCK_ATTRIBUTES_DIFFER_FROM_HOLDING(2021, Layer.RULE,
            "A block's attributes differ from those of the units as recorded."),
    SERIALS_ALREADY_ISSUED(2022, Layer.RULE,
            "An issuance names serial numbers that already exist."),
    NON_KYOTO_UNITS(2023, Layer.RULE,
            "A proposal to the transaction log carries non-Kyoto units (unit type 0)."),
    TEMPORARY_UNITS_EXPIRED(2024, Layer.RULE,
            "tCERs or lCERs past their expiry date can only be replaced or cancelled."),
    ISSUANCE_OF_FOREIGN_UNITS(2025, Layer.RULE,
            "An issuance names units originating in another registry than the issuing one."),
    TRANSACTION_IDENTIFIER_NOT_OF_PROPOSER(3001, Layer.RULE,
            "The transaction identifier does not begin with the transferring registry's code."),
    DUPLICATE_TRANSACTION_DIFFERENT_CONTENT(3002, Layer.RULE,
            "A transaction with this identifier exists with different content."),
    TRANSACTION_UNKNOWN(3003, Layer.RULE,
            "The notification or request names a transaction that does not exist."),
    TRANSFERRING_ACCOUNT_UNKNOWN(3004, Layer.RULE,
            "The transferring account does not exist."),
    ACQUIRING_ACCOUNT_UNKNOWN(3005, Layer.RULE,
            "The acquiring account does not exist."),
    TRANSFERRING_ACCOUNT_REQUIRED(3006, Layer.RULE,
            "The transaction type needs a transferring account and none is given."),
    ACQUIRING_ACCOUNT_REQUIRED(3007, Layer.RULE,
            "The transaction type needs an acquiring account and none is given."),
    TRANSFERRING_ACCOUNT_NOT_OPEN(3008, Layer.RULE,
            "The transferring account is closed or blocked."),
    ACQUIRING_ACCOUNT_NOT_OPEN(3009, Layer.RULE,
            "The acquiring account is closed or blocked."),
    UNITS_NOT_HELD(3010, Layer.RULE,
            "Some units are not held by the transferring account."),
    UNITS_RESERVED(3011, Layer.RULE,
            "Some units are reserved by another transaction that is not final."),
    UNITS_CANCELLED_OR_RETIRED(3012, Layer.RULE,
            "Some units are in a cancellation, retirement or replacement account and can never move again."),
    SAME_ACCOUNT(3013, Layer.RULE,
            "The transferring and acquiring accounts are the same."),
    SUPPLEMENTARY_TYPE_INVALID(3014, Layer.RULE,
            "The supplementary transaction type does not exist for this transaction type."),
    TRANSFER_FROM_FINAL_ACCOUNT(3015, Layer.RULE,
            "The transferring account is a cancellation, retirement or replacement account."),
    UNIT_TYPE_NOT_ALLOWED_IN_ACCOUNT(3016, Layer.RULE,
            "The acquiring account type may not hold this unit type."),
    ACCOUNT_PERIOD_MISMATCH(3017, Layer.RULE,
            "The units' applicable commitment period differs from the acquiring account's period."),
    NOTICE_UNKNOWN(3018, Layer.RULE,
            "The transaction names an ITL notice that does not exist."),
    NOTICE_NOT_OPEN(3019, Layer.RULE,
            "The ITL notice the transaction names is fulfilled or withdrawn."),
    NOTICE_TYPE_MISMATCH(3020, Layer.RULE,
            "The transaction cannot fulfil the kind of notice it names."),
    NOTICE_REQUIRED(3021, Layer.RULE,
            "This kind of transaction is made only to fulfil an ITL notice, and names none."),
    ACQUIRING_REGISTRY_MUST_BE_TRANSFERRING(3022, Layer.RULE,
            "An internal transaction names another acquiring registry."),
    ACQUIRING_REGISTRY_MUST_DIFFER(3023, Layer.RULE,
            "An external transfer names its own registry as acquiring registry."),
    TRANSFERRING_ACCOUNT_TYPE_NOT_ALLOWED(3024, Layer.RULE,
            "The transferring account type is not allowed for this transaction type."),
    ACQUIRING_ACCOUNT_TYPE_NOT_ALLOWED(3025, Layer.RULE,
            "The acquiring account type is not allowed for this transaction type."),
    ACCOUNT_OF_OTHER_REGISTRY(3026, Layer.RULE,
            "An account named for a registry belongs to another registry."),
    TRANSACTION_ALREADY_FINAL(4001, Layer.RULE,
            "The transaction is final; the notification changes nothing."),
    STATUS_CHANGE_NOT_ALLOWED(4002, Layer.RULE,
            "The transaction cannot move from its status to the notified one."),
    TRANSACTION_OVERDUE(4003, Layer.RULE,
            "The transaction was not completed in time and is terminated."),
    PROPOSAL_DATED_IN_FUTURE(4004, Layer.RULE,
            "The proposal is dated later than the receiver's clock allows."),
    PROPOSAL_TOO_OLD(4005, Layer.RULE,
            "The proposal is dated earlier than the termination limit."),
    NOTICE_PAST_DUE(4006, Layer.RULE,
            "The ITL notice the transaction fulfils is past its target date."),
    AFTER_TRUE_UP_PERIOD(4007, Layer.RULE,
            "No international transfer is possible after the end of the CP2 true-up period (9 Sep 2023 23:59:59 UTC)."),
    NOTIFICATION_OUT_OF_SEQUENCE(4008, Layer.RULE,
            "The notification comes before the step it answers (e.g. an acceptance before the proposal was forwarded)."),
    NOTIFICATION_FROM_WRONG_REGISTRY(4010, Layer.RULE,
            "The notification comes from a registry that is not a party to the transaction in that role."),
    ISSUANCE_BY_WRONG_REGISTRY(5001, Layer.RULE,
            "The registry may not issue this unit type (CERs, tCERs and lCERs only by CDM; AAUs and RMUs only by a Party)."),
    ISSUANCE_INTO_WRONG_ACCOUNT(5002, Layer.RULE,
            "The issuance goes to another account type than the one issuance requires (CDM: pending 110; Party: holding 100)."),
    ISSUANCE_OF_UNIT_TYPE_NOT_ISSUABLE(5003, Layer.RULE,
            "Units of this type are never issued (ERUs come from conversion)."),
    CONVERSION_OF_UNIT_TYPE_NOT_CONVERTIBLE(5004, Layer.RULE,
            "Only AAUs and RMUs can be converted to ERUs."),
    CONVERSION_OF_FOREIGN_UNITS(5005, Layer.RULE,
            "A registry can only convert units that originated in it."),
    CANCELLATION_INTO_NON_CANCELLATION_ACCOUNT(5006, Layer.RULE,
            "A cancellation must go to a cancellation account."),
    RETIREMENT_INTO_NON_RETIREMENT_ACCOUNT(5007, Layer.RULE,
            "A retirement must go to the retirement account."),
    AAU_ISSUANCE_OVER_ASSIGNED_AMOUNT(5008, Layer.RULE,
            "The AAU issuance exceeds the Party's assigned amount for the period."),
    RETIREMENT_OF_WRONG_PERIOD(5009, Layer.RULE,
            "Retired units must be valid for the period of the retirement account."),
    REPLACEMENT_INTO_NON_REPLACEMENT_ACCOUNT(5010, Layer.RULE,
            "A replacement must go to a replacement account."),
    REPLACEMENT_UNITS_NOT_ELIGIBLE(5011, Layer.RULE,
            "tCERs and lCERs cannot replace expiring tCERs or lCERs, and lCERs cannot be replaced by tCERs."),
    CARRY_OVER_OF_INELIGIBLE_UNITS(5012, Layer.RULE,
            "tCERs, lCERs and RMUs cannot be carried over; a carry-over of AAUs (7-39) carries AAUs only, one of CERs and ERUs (7-38) CERs and ERUs converted from AAUs only."),
    CARRY_OVER_LIMIT_EXCEEDED(5013, Layer.RULE,
            "The carry-over exceeds the limit for this unit type and Party."),
    CARRY_OVER_WRONG_PERIOD(5014, Layer.RULE,
            "Carry-over moves units from one period to the next one only."),
    EXPIRY_DATE_CHANGE_OF_NON_TEMPORARY_UNITS(5015, Layer.RULE,
            "Only tCER and lCER expiry dates can change."),
    SHARE_OF_PROCEEDS_NOT_TO_ADAPTATION_FUND(5016, Layer.RULE,
            "A share of proceeds (3-47 on the first external transfer of AAUs, 10-81 at issuance in the CDM registry) must go to the Adaptation Fund account CDM-100-1100-0."),
    SHARE_OF_PROCEEDS_NOT_FROM_PENDING(5017, Layer.RULE,
            "The CDM registry's share of proceeds at issuance (10-81) must come from the pending account."),
    TRANSFER_INTO_PENDING_ACCOUNT(5018, Layer.RULE,
            "Only issuance puts units into the pending account."),
    EXTERNAL_TRANSFER_TO_NON_HOLDING_ACCOUNT(5019, Layer.RULE,
            "An external transfer must go to a holding account."),
    CDM_ONLY_ACCOUNT_OUTSIDE_CDM(5020, Layer.RULE,
            "Pending, excess-issuance and CCS cancellation accounts exist only in the CDM registry."),
    VOLUNTARY_CANCELLATION_FROM_WRONG_ACCOUNT(5021, Layer.RULE,
            "Voluntary cancellation comes from a pending or holding account."),
    CP1_UNITS_LEAVE_CDM_AFTER_TRUE_UP(5022, Layer.RULE,
            "After the CP1 true-up, CP1 units held in the CDM registry can move only inside it or be cancelled."),
    CANCELLATION_TYPE_NEEDS_NOTICE(5023, Layer.RULE,
            "Net source, excess issuance and CCS cancellations are made only against an ITL notice."),
    RETIREMENT_BY_CDM(5024, Layer.RULE,
            "The CDM registry has no retirement account: only a Party retires units."),
    EXPIRY_DATE_CHANGE_NOT_LATER(5025, Layer.RULE,
            "An expiry date change must set a later date than the current one."),
    INTERNAL_TRANSFER_ACROSS_REGISTRIES(5026, Layer.RULE,
            "An internal transfer has another acquiring registry; use an external transfer."),
    SHARE_OF_PROCEEDS_OF_OTHER_UNITS(5027, Layer.RULE,
            "The share of proceeds on the first external transfer (3-47) is taken in AAUs of the second commitment period."),
    EXTERNAL_TRANSFER_TO_ADAPTATION_FUND(5028, Layer.RULE,
            "Only the share of proceeds (3-47) goes into the Adaptation Fund account CDM-100-1100-0 from another registry."),
    ACQUIRING_REGISTRY_REFUSES_UNIT_TYPE(5301, Layer.RULE,
            "The acquiring registry refuses units of this type by a dated rule of its own (e.g. GB refuses CERs from 1 January 2021)."),
    ACQUIRING_REGISTRY_REFUSES_COMMITMENT_PERIOD(5302, Layer.RULE,
            "The acquiring registry refuses units of this commitment period by a dated rule (e.g. CH refuses CP1 units after 30 April 2015)."),
    ACQUIRING_REGISTRY_REFUSES_TRANSACTION(5303, Layer.RULE,
            "The acquiring registry refuses the transaction by a rule of its own."),
    TOTALS_DIFFER(6001, Layer.RULE,
            "The registry's totals for a group differ from the transaction log's."),
    BLOCK_MISSING(6002, Layer.RULE,
            "The transaction log records a block that the registry does not report."),
    BLOCK_EXTRA(6003, Layer.RULE,
            "The registry reports a block that the transaction log does not record."),
    BLOCK_IN_WRONG_ACCOUNT(6004, Layer.RULE,
            "The block is held in another account in the transaction log's records."),
    BLOCK_ATTRIBUTES_DIFFER(6005, Layer.RULE,
            "The block's attributes differ from the transaction log's records."),
    RECONCILIATION_UNKNOWN(6006, Layer.RULE,
            "The message names a reconciliation that does not exist."),
    RECONCILIATION_ALREADY_RUNNING(6007, Layer.RULE,
            "A reconciliation of this registry is already running; the start request is denied."),
    SNAPSHOT_IN_FUTURE(6008, Layer.RULE,
            "The snapshot time is later than the registry's clock."),
    CHUNK_OUT_OF_SEQUENCE(6009, Layer.RULE,
            "A chunk of unit blocks or audit trail arrives out of sequence."),
    UNITS_UNDER_INCONSISTENCY(6010, Layer.RULE,
            "Some units are under an open reconciliation inconsistency; no transaction may touch them until it is resolved."),
    AUDIT_TRAIL_DIFFERS(6011, Layer.RULE,
            "The registry's audit trail differs from the transaction log's."),
    EVIDENCE_CHECKPOINT_NOT_AFTER_LAST(6020, Layer.RULE,
            "The evidence checkpoint's sequence is not greater than that of the last checkpoint the ITL holds of the"
                    + " registry."),
    EVIDENCE_CHECKPOINT_CONTRADICTS_HELD(6021, Layer.RULE,
            "The evidence checkpoint gives another record hash for a record the ITL holds a checkpoint of: the"
                    + " registry's archive was rewritten."),
    EVIDENCE_CHECKPOINT_SIGNATURE_INVALID(6022, Layer.RULE,
            "The evidence checkpoint's signature does not verify with the certificate of the message's signer."),
    EVIDENCE_CHECKPOINT_OF_OTHER_NODE(6023, Layer.RULE,
            "The evidence checkpoint names another node than the one that signed the message."),
    TEMPORARY_CERS_NOT_ACCEPTED_IN_EU(7001, Layer.RULE,
            "tCERs and lCERs cannot be held in an EU registry."),
    NUCLEAR_PROJECT_CREDITS(7002, Layer.RULE,
            "CERs and ERUs from nuclear projects cannot be used in the EU."),
    INDUSTRIAL_GAS_CREDITS_AFTER_APRIL_2013(7003, Layer.RULE,
            "CERs and ERUs from HFC-23 destruction or N2O from adipic acid projects are refused after 30 April 2013."),
    LARGE_HYDRO_WITHOUT_COMPLIANCE(7004, Layer.RULE,
            "Credits from hydro projects over 20 MW need the compliance flag (WCD criteria)."),
    TRANSFERRING_REGISTRY_STATUS_DOES_NOT_PERMIT(7005, Layer.RULE,
            "The transferring registry's status does not permit the process."),
    ACQUIRING_REGISTRY_STATUS_DOES_NOT_PERMIT(7006, Layer.RULE,
            "The acquiring registry's status does not permit the process."),
    ACCOUNT_UNKNOWN_IN_ACQUIRING_REGISTRY(7020, Layer.RULE,
            "The acquiring account does not exist in the acquiring registry."),
    ACCOUNT_UNKNOWN_IN_TRANSFERRING_REGISTRY(7021, Layer.RULE,
            "The transferring account does not exist in the transferring registry."),
    SAME_REGISTRY_REQUIRED(7022, Layer.RULE,
            "The transferring and acquiring accounts must be in the same registry for this transaction type."),
    DIFFERENT_REGISTRY_REQUIRED(7023, Layer.RULE,
            "The transferring and acquiring accounts must be in different registries for this transaction type."),
    UNITS_NOT_HELD_BY_TRANSFERRING_ACCOUNT(7027, Layer.RULE,
            "Some units are not held by the transferring account in the supplementary log's records.");

    /** Where a code is decided. */
    public enum Layer {
        /** Refused at message level by the gateway's inbound pipeline, before any business rule runs. */
        MESSAGE,
        /** Decided by a business rule of the check catalogue or of a node's processing. */
        RULE
    }

    /** The seven categories of the ITL's checks, read from the first digit. */
    public enum Category {
        VERSION_AND_AUTHENTICATION("Version, authentication, message and registry"),
        DATA_INTEGRITY("Data integrity and unit blocks"),
        GENERAL_TRANSACTION("General transaction"),
        MESSAGE_SEQUENCE("Message sequence and timing"),
        TRANSACTION_SPECIFIC("Transaction-specific"),
        RECONCILIATION("Reconciliation"),
        EU_SUPPLEMENTARY("CITL / EU supplementary");

        private final String label;

        Category(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final int code;
    private final Layer layer;
    private final String meaning;

    ResponseCode(int code, Layer layer, String meaning) {
        this.code = code;
        this.layer = layer;
        this.meaning = meaning;
    }

    @Override
    public int code() {
        return code;
    }

    public Layer layer() {
        return layer;
    }

    /** One line saying what the code means. */
    public String meaning() {
        return meaning;
    }

    public Category category() {
        return Category.values()[code / 1000 - 1];
    }

    public static ResponseCode fromCode(int code) {
        return CodedValue.fromCode(ResponseCode.class, code);
    }

    /** The response code with this number, or empty when the list has none (a peer may send codes of its own). */
    public static java.util.Optional<ResponseCode> find(int code) {
        return java.util.Optional.ofNullable(CodedValue.fromCodeOrNull(ResponseCode.class, code));
    }

    @Override
    public String toString() {
        return code + " " + name();
    }
}
