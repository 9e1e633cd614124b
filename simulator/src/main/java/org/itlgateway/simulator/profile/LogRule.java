package org.itlgateway.simulator.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.CodedValue;
import org.itlgateway.core.check.Check;
import org.itlgateway.core.check.CheckCatalogue;
import org.itlgateway.core.check.CheckContext;
import org.itlgateway.core.result.EvaluationResult;
import org.itlgateway.core.result.ResponseCode;
import org.itlgateway.core.unit.UnitBlock;
import org.itlgateway.core.unit.UnitBlockId;

/**
 * A log's own rule, as data of its profile (the ITL's or the CITL's): from a date (inclusive) until another
 * (exclusive, optional), on the log's clock, it refuses every proposal with blocks matching its condition, answering
 * with its code and naming the blocks and the rule. The log runs these rules with the checks of its catalogue, so a
 * tester changes a date, switches a rule off or adds one with a file.
 *
 * @param name    what the rule says, shown in the refusal
 * @param code    the response code of the refusal (one of the catalogue's, e.g. 7003)
 * @param from    when the rule starts to apply, or {@code null} for always
 * @param until   when it stops applying, or {@code null}
 * @param enabled false switches the rule off without deleting it (true when left out)
 * @param refuse  which blocks it refuses
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record LogRule(String name, int code, Instant from, Instant until, Boolean enabled, ProposalCondition refuse) {

    public LogRule {
        Objects.requireNonNull(name, "a rule has a name");
        enabled = enabled == null ? Boolean.TRUE : enabled;
        refuse = refuse == null ? ProposalCondition.any() : refuse;
        if (CodedValue.fromCodeOrNull(ResponseCode.class, code) == null) {
            throw new IllegalArgumentException("rule '" + name + "': " + code + " is not a response code of the catalogue"
                    + " (see docs/response-codes.md)");
        }
        if (from != null && until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("rule '" + name + "' ends before it starts");
        }
    }

    /** The checks of {@code catalogue} with {@code rules} among them, in code order (a rule after a check of its code). */
    public static CheckCatalogue addedTo(CheckCatalogue catalogue, List<LogRule> rules) {
        List<Check> checks = new ArrayList<>(catalogue.checks());
        rules.forEach(rule -> checks.add(rule.asCheck()));
        checks.sort(Comparator.comparingInt(check -> check.code().code()));
        return new CheckCatalogue(checks);
    }

    /** The rule as a check of the log's catalogue, named after the rule. */
    public Check asCheck() {
        return new Check() {
            @Override
            public ResponseCode code() {
                return ResponseCode.fromCode(code);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<EvaluationResult> evaluate(CheckContext context) {
                return LogRule.this.evaluate(context);
            }
        };
    }

    /** Whether the rule is on and {@code now} is within its dates. */
    public boolean appliesAt(Instant now) {
        return enabled && (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
    }

    /** Empty when the proposal passes; otherwise the refusal with the rule's code and name and the blocks it refuses. */
    public Optional<EvaluationResult> evaluate(CheckContext context) {
        if (!appliesAt(context.now())) {
            return Optional.empty();
        }
        List<UnitBlockId> refused = context.proposal().blocks().stream()
                .filter(block -> refuse.matches(block, context)).map(UnitBlock::id).toList();
        return refused.isEmpty() ? Optional.empty()
                : Optional.of(EvaluationResult.of(ResponseCode.fromCode(code), refused, name));
    }
}
