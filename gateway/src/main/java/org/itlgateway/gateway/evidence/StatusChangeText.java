package org.itlgateway.gateway.evidence;

import java.util.stream.Collectors;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.transaction.StatusChange;
import org.itlgateway.core.transaction.TransactionId;

/**
 * The canonical text of a status change, the content of its archive record (UTF-8, lines ending with LF):
 *
 * <pre>
 * transaction &lt;identifier&gt;
 * position &lt;1 for the proposal, 2 for the status after it…&gt;
 * status &lt;DES code&gt; &lt;name&gt;
 * at &lt;UTC time to the microsecond&gt;
 * result &lt;response code&gt; &lt;description, line feeds as spaces&gt;   (one line per evaluation result)
 * </pre>
 */
public final class StatusChangeText {

    private StatusChangeText() {
    }

    public static String of(TransactionId transaction, int position, StatusChange change) {
        String results = change.results().stream().map(StatusChangeText::result).collect(Collectors.joining());
        return "transaction " + transaction + "\n"
                + "position " + position + "\n"
                + "status " + change.status().code() + " " + change.status().name() + "\n"
                + "at " + RecordHash.time(change.at()) + "\n"
                + results;
    }

    private static String result(EvaluationResult result) {
        return "result " + result.code().code() + " " + result.description().replace('\n', ' ').replace('\r', ' ') + "\n";
    }
}
