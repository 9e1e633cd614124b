package org.itlgateway.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Checks message files against the contract, for integrators:
 * {@code java -cp schemas.jar org.itlgateway.schemas.ValidateMessage message.xml ...}.
 * A file may hold a SOAP 1.1 envelope (its Body's payload is validated) or a bare payload element.
 * Exit status 0 when every file is valid, 1 otherwise.
 */
public final class ValidateMessage {

    private ValidateMessage() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || "--help".equals(args[0]) || "-h".equals(args[0])) {
            System.out.println("usage: ValidateMessage FILE...   validate DES messages (SOAP envelopes or payloads)");
            System.exit(args.length == 0 ? 2 : 0);
        }
        DesSchema schema = DesSchema.load();
        boolean allValid = true;
        for (String file : args) {
            List<SchemaViolation> violations = validateFile(schema, Path.of(file));
            if (violations.isEmpty()) {
                System.out.println(file + ": valid");
            } else {
                allValid = false;
                System.out.println(file + ": INVALID");
                violations.forEach(v -> System.out.println("  " + v));
            }
        }
        System.exit(allValid ? 0 : 1);
    }

    /** Validates the payload of one file; a file that is not well-formed XML is one violation. */
    public static List<SchemaViolation> validateFile(DesSchema schema, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Element root = DesSchema.secureDocumentBuilderFactory().newDocumentBuilder().parse(in).getDocumentElement();
            Element payload = SoapPayload.of(root);
            if (payload == null) {
                return List.of(new SchemaViolation(-1, -1, "the SOAP Body is empty: it must hold one DES request or response"));
            }
            return schema.validate(payload);
        } catch (SAXException e) {
            return List.of(new SchemaViolation(-1, -1, "not well-formed XML: " + e.getMessage()));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
