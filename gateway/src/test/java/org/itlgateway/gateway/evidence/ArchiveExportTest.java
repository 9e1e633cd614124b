package org.itlgateway.gateway.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.itlgateway.core.transaction.TransactionStatus;
import org.itlgateway.gateway.pki.PkiFiles;
import org.itlgateway.gateway.support.TestDatabase;
import org.itlgateway.gateway.support.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export for auditors: one file with the chain from the first record to the head, the content of the records
 * asked for, the checkpoints, the certificates and the CRLs; {@code verify-archive --export} checks it after the
 * database is gone, and names a record altered in the file.
 */
class ArchiveExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path files;
    private ArchiveFixture archive;
    private Path ca;
    private Path crl;

    @BeforeEach
    void setUp() throws Exception {
        archive = new ArchiveFixture(ArchiveFixture.JP);
        archive.checkpointAt(ArchiveFixture.START.plus(Duration.ofMinutes(10)));
        ca = files.resolve("ca.pem");
        crl = files.resolve("crl.pem");
        PkiFiles.writeCertificates(ca, List.of(ArchiveFixture.CA.certificate()));
        PkiFiles.writeCrl(crl, ArchiveFixture.CA.publishCrl(ArchiveFixture.START.plus(Duration.ofDays(2)),
                Duration.ofDays(7)));
    }

    @AfterEach
    void close() {
        archive.close();
    }

    @Test
    void aTransactionsExportVerifiesAfterTheDatabaseIsGone() throws Exception {
        Path export = export("--transaction", "JP1001");
        archive.close();
        TestDatabase.execute("public", "drop schema " + archive.schema + " cascade");

        Output verified = verify("--export", export.toString());

        assertEquals(0, verified.code, verified.err);
        assertTrue(verified.out.startsWith("intact: 6 records, each hash and link checked (1 carried without their "
                + "content); 1 signed checkpoints, 2 message signatures verified"), verified.out);
    }

    @Test
    void anExportCarriesTheContentOfTheRecordsAskedForOnlyAndWhatVerifiesThem() throws Exception {
        ArchiveExport.Document document = ArchiveExport.read(export("--from", "2024-03-14T10:00:00Z", "--to",
                "2024-03-14T11:00:00Z")).document();

        assertEquals(ArchiveExport.FORMAT, document.format());
        assertEquals(6, document.records().size(), "the chain from the first record to the head");
        assertEquals(List.of(6L), document.records().stream().filter(record -> record.content() != null)
                .map(ArchiveExport.RecordEntry::sequence).toList(), "JP1002's status, an hour later");
        assertEquals(1, document.checkpoints().size());
        assertEquals(6, document.head().sequence());
        assertNotNull(document.trustAnchor());
        assertEquals(1, document.crls().size());
        assertEquals(1, document.certificates().size(), "the checkpoint's signer; no message in the period");
        assertNull(document.records().get(1).content());
        assertEquals(0, verify("--export", files.resolve("export.json").toString()).code);
    }

    @Test
    void aRecordAlteredInTheExportIsNamed() throws Exception {
        Path export = export("--transaction", "JP1001");
        ObjectNode document = (ObjectNode) JSON.readTree(export.toFile());
        ((ObjectNode) document.withArray("records").get(3)).put("peer", "CDM");
        JSON.writeValue(export.toFile(), document);

        Output verified = verify("--export", export.toString());

        assertEquals(1, verified.code, verified.out);
        assertTrue(verified.err.startsWith("BROKEN at record 4 (FIELDS)"), verified.err);
    }

    @Test
    void aRecordInTheExportThatNoLongerReadsIsNamedAndTheExportRefusedWithTwo() throws Exception {
        Path export = export("--transaction", "JP1001");
        ObjectNode document = (ObjectNode) JSON.readTree(export.toFile());
        ((ObjectNode) document.withArray("records").get(2)).put("recordedAt", "yesterday");
        JSON.writeValue(export.toFile(), document);

        Output verified = verify("--export", export.toString());

        assertEquals(2, verified.code, verified.out);
        assertTrue(verified.err.contains("record 3 of the export cannot be read"), verified.err);
    }

    @Test
    void aChainRewrittenBeforeTheExportFailsItsCheckpointInTheExport() throws Exception {
        archive.rewrite(1, ArchiveFixture.status(1, TransactionStatus.PROPOSED,
                ArchiveFixture.START.plusMillis(1)));
        Path export = export("--transaction", "JP1001");

        Output verified = verify("--export", export.toString());

        assertEquals(1, verified.code, verified.out);
        assertTrue(verified.err.startsWith("BROKEN at checkpoint of record 6 (CHECKPOINT)"), verified.err);
    }

    @Test
    void anExportIsJudgedAgainstTheAnchorTheAuditorGivesNotOnlyTheOneItCarries() throws Exception {
        Path export = export("--transaction", "JP1001");
        Path other = files.resolve("other-ca.pem");
        PkiFiles.writeCertificates(other, List.of(TestPki.ca().certificate()));

        Output verified = verify("--export", export.toString(), "--trust-anchor", other.toString());

        assertEquals(1, verified.code, verified.out);
        assertTrue(verified.err.startsWith("BROKEN at record 2 (SIGNATURE)"), verified.err);
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedWithTwo() throws Exception {
        Path notAnExport = Files.writeString(files.resolve("other.json"), "{\"format\": \"something else\"}");

        Output verified = verify("--export", notAnExport.toString());

        assertEquals(2, verified.code);
        assertTrue(verified.err.contains("not an evidence export"), verified.err);
    }

    private Path export(String... selection) {
        Path output = files.resolve("export.json");
        List<String> args = new ArrayList<>(List.of("--jdbc-url", TestDatabase.jdbcUrl(), "--schema",
                archive.schema, "--trust-anchor", ca.toString(), "--crl", crl.toString(), "--output", output.toString()));
        args.addAll(List.of(selection));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, ExportArchive.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new)),
                err.toString());
        assertTrue(out.toString().startsWith("exported 6 records"), out.toString());
        return output;
    }

    private static Output verify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VerifyArchive.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Output(code, out.toString(), err.toString());
    }

    private record Output(int code, String out, String err) {
    }
}
