package org.itlgateway.testkit.wiremock;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.security.cert.X509Certificate;
import org.itlgateway.gateway.pki.Credential;

/**
 * A WireMock response transformer that answers as the ITL's TransactionLogService (see {@link ItlResponder}): a
 * signed receipt of the request's operation confirming the request's signature, a signed refusal fault for a wrong
 * header, an unsigned refusal fault for a request that does not authenticate. The stub mapping says what to answer
 * through its {@code transformerParameters} ({@link ReceiptContent}); applied only to mappings that name it.
 */
public final class SignedItlReceipts implements ResponseTransformerV2 {

    /** The name stub mappings give in {@code "transformers"}. */
    public static final String NAME = "signed-itl-receipts";

    private final ItlResponder responder;

    /**
     * @param credential    the key and certificate the answers are signed with (CN=ITL, from the network's CA)
     * @param caCertificate the CA the requests' signers must chain to
     */
    public SignedItlReceipts(Credential credential, X509Certificate caCertificate) {
        this(new ItlResponder(credential, caCertificate));
    }

    public SignedItlReceipts(ItlResponder responder) {
        this.responder = responder;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        ItlResponder.Answer answer = responder.answer(serveEvent.getRequest().getBody(),
                serveEvent.getRequest().getHeader("SOAPAction"), ReceiptContent.of(serveEvent.getTransformerParameters()));
        return Response.Builder.like(response).but()
                .status(answer.status())
                .headers(new HttpHeaders(new HttpHeader("Content-Type", "text/xml; charset=UTF-8")))
                .body(answer.body())
                .build();
    }
}
