package org.itlgateway.schemas;

/** The fixed facts of the contract: namespaces, the version spoken, where the WSDLs are, its limits. */
public final class DesContract {

    /** Namespace of the shared data types (des-types.xsd). */
    public static final String TYPES_NAMESPACE = "urn:itlgateway:des:1.0";
    /** Namespace of RegistryService (registry.wsdl): hosted by registries, called by the ITL. */
    public static final String REGISTRY_NAMESPACE = "urn:itlgateway:des:1.0:registry";
    /** Namespace of TransactionLogService (transaction-log.wsdl): hosted by the ITL and the CITL. */
    public static final String TRANSACTION_LOG_NAMESPACE = "urn:itlgateway:des:1.0:transactionlog";

    /** The major version of the header; any other is refused with 1031. */
    public static final int MAJOR_VERSION = 1;
    /**
     * The minor version of the header: DES 1.1, as registries spoke it in production. A higher one is refused with
     * 1032; 1.0 is taken as 1.1, no element of this contract differing between them.
     */
    public static final int MINOR_VERSION = 1;

    public static final String TYPES_XSD = "wsdl/des-types.xsd";
    public static final String REGISTRY_WSDL = "wsdl/registry.wsdl";
    public static final String TRANSACTION_LOG_WSDL = "wsdl/transaction-log.wsdl";

    /** The most unit blocks one proposal may carry, as the ITL allowed. */
    public static final int MAX_BLOCKS_PER_PROPOSAL = 3000;
    /** The most unit blocks one reconciliation chunk (receiveUnitBlocks) may carry. */
    public static final int MAX_BLOCKS_PER_CHUNK = 5000;

    private DesContract() {
    }
}
