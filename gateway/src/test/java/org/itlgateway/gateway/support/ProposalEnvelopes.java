package org.itlgateway.gateway.support;

import java.nio.charset.StandardCharsets;

/** Unsigned SOAP envelopes of a proposal to the ITL, to be signed by hand ({@link SignedEnvelopes}). */
public final class ProposalEnvelopes {

    /** The SOAPAction of the ITL's acceptProposal. */
    public static final String ACCEPT_PROPOSAL = "urn:itlgateway:des:1.0:transactionlog/acceptProposal";

    private ProposalEnvelopes() {
    }

    /** An issuance proposal from {@code from}, whose own registry is the transferring one. */
    public static byte[] proposal(String from, String transactionId) {
        return proposal(from, transactionId, from);
    }

    /** A proposal from {@code from} naming {@code transferring} as the transferring registry. */
    public static byte[] proposal(String from, String transactionId, String transferring) {
        return envelope(body(from, transactionId, transferring)).getBytes(StandardCharsets.UTF_8);
    }

    /** The Body element of such a proposal, as text. */
    public static String body(String from, String transactionId, String transferring) {
        return """
                <soap:Body>
                    <svc:acceptProposal xmlns:svc="urn:itlgateway:des:1.0:transactionlog" xmlns:des="urn:itlgateway:des:1.0">
                      <des:from>%s</des:from><des:to>ITL</des:to><des:majorVersion>1</des:majorVersion><des:minorVersion>0</des:minorVersion>
                      <svc:proposedTransaction>
                        <des:transactionIdentifier>%s</des:transactionIdentifier><des:transactionType>1</des:transactionType>
                        <des:suppTransactionType>0</des:suppTransactionType><des:transferringRegistryCode>%s</des:transferringRegistryCode>
                        <des:acquiringRegistryCode>%s</des:acquiringRegistryCode>
                        <des:proposalUnitBlocks><des:unitBlock><des:unitSerialBlockStart>1</des:unitSerialBlockStart><des:unitSerialBlockEnd>10</des:unitSerialBlockEnd>
                        <des:originatingRegistryCode>%s</des:originatingRegistryCode><des:unitType>5</des:unitType><des:suppUnitType>0</des:suppUnitType>
                        <des:originalCommitPeriod>2</des:originalCommitPeriod><des:applicableCommitPeriod>2</des:applicableCommitPeriod>
                        <des:projectIdentifier>1</des:projectIdentifier></des:unitBlock></des:proposalUnitBlocks>
                      </svc:proposedTransaction>
                    </svc:acceptProposal>
                  </soap:Body>""".formatted(from, transactionId, transferring, transferring, transferring);
    }

    private static String envelope(String body) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">\n  " + body + "\n</soap:Envelope>\n";
    }
}
