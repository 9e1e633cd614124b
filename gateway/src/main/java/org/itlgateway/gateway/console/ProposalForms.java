package org.itlgateway.gateway.console;

import static org.itlgateway.gateway.console.Html.el;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.itlgateway.core.transaction.SupplementaryType;
import org.itlgateway.core.unit.CommitmentPeriod;
import org.itlgateway.core.unit.LulucfActivity;
import org.itlgateway.core.unit.Track;
import org.itlgateway.core.unit.UnitType;
import org.itlgateway.gateway.console.Html.Element;

/**
 * The propose forms of the console, one for each body {@code POST /transactions} takes: the CDM registry's operations
 * (issue, forward, transfer, voluntary cancellation, cancellation against a notice, share of proceeds, forwarding of
 * temporary holding accounts) and, for any registry, a proposal in full with one unit block. A form's values are
 * turned into the JSON body the API would be sent (numbers as numbers, nothing for a field left empty), so the API's
 * own reader judges them; a refused form is shown again with what was typed.
 */
final class ProposalForms {

    /** The form of a proposal in full. */
    static final String FULL = "full";
    /** The prefix of the unit block's fields in the form of a proposal in full. */
    static final String BLOCK = "block.";

    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");

    enum Kind { TEXT, NUMBER, DATE, SELECT, LONG_TEXT }

    /** A field of a form: the body's field it fills, what it is called, and its choices for a select. */
    record Field(String name, String label, Kind kind, List<String[]> options, boolean required) {
    }

    /** A form: its name (the CDM operation, or {@link #FULL}), its title, a sentence on it, and its fields. */
    record Form(String name, String title, String help, List<Field> fields) {
    }

    private ProposalForms() {
    }

    /** The forms of a registry: the CDM registry's operations first, then the proposal in full. */
    static List<Form> of(boolean cdm) {
        List<Form> forms = new ArrayList<>();
        if (cdm) {
            forms.add(new Form("issue", "Issue", "Issues CERs (or tCERs, lCERs with an expiry date) of a project into the"
                    + " pending account; the share of proceeds is set aside for the Adaptation Fund.",
                    List.of(number("project", "Project"), select("unitType", "Unit type", unitTypes(), false),
                            select("period", "Period", periods(), true), number("quantity", "Quantity"),
                            date("expiryDate", "Expiry date (tCER, lCER)"))));
            forms.add(new Form("forward", "Forward", "Forwards issued units from the pending account to a holding account"
                    + " here or in a national registry.", List.of(text("to", "To account", true),
                    number("project", "Project"), number("quantity", "Quantity"))));
            forms.add(new Form("transfer", "Transfer", "Transfers units from a holding account here to another account,"
                    + " here (internal transfer) or in another registry (external transfer).",
                    List.of(text("from", "From account", true), text("to", "To account", true),
                            number("project", "Project"), number("quantity", "Quantity"))));
            forms.add(new Form("cancelVoluntarily", "Cancel voluntarily", "Cancels units voluntarily; the attestation is"
                    + " made when the cancellation completes.", List.of(text("from", "From account", true),
                    number("project", "Project"), number("quantity", "Quantity"),
                    new Field("purpose", "Purpose", Kind.LONG_TEXT, List.of(), false),
                    text("beneficiary", "Beneficiary", false))));
            forms.add(new Form("cancelAgainstNotice", "Cancel against a notice", "Cancels units as an ITL notice asks.",
                    List.of(number("notice", "Notice"), text("from", "From account", true), number("project", "Project"),
                            number("quantity", "Quantity"))));
            forms.add(new Form("transferShareOfProceeds", "Transfer the share of proceeds", "Transfers the share of"
                    + " proceeds of an issuance to the Adaptation Fund.", List.of(text("issuance", "Issuance transaction", true))));
            forms.add(new Form("forwardTemporaryHoldingAccounts", "Forward temporary holding accounts", "Forwards the"
                    + " temporary holding accounts of a registry now connected.",
                    List.of(text("registry", "Registry", true))));
        }
        forms.add(new Form(FULL, "Propose in full", "A proposal of any type written out: its kind, its accounts and one"
                + " unit block (read it from an account's holdings).",
                List.of(select("kind", "Kind", kinds(), true), text("transferringAccount", "Transferring account", false),
                        text("acquiringAccount", "Acquiring account", false),
                        text("acquiringRegistry", "Acquiring registry", false), number("notice", "Notice", false),
                        text(BLOCK + "originatingRegistry", "Originating registry", false),
                        number(BLOCK + "start", "Serial start"), number(BLOCK + "end", "Serial end"),
                        select(BLOCK + "unitType", "Unit type", unitTypes(), true),
                        select(BLOCK + "originalPeriod", "Original period", periods(), true),
                        select(BLOCK + "applicablePeriod", "Applicable period", periods(), false),
                        number(BLOCK + "project", "Project", false),
                        select(BLOCK + "lulucfActivity", "LULUCF activity", named(LulucfActivity.values()), false),
                        select(BLOCK + "track", "Track", named(Track.values()), false),
                        date(BLOCK + "expiryDate", "Expiry date"))));
        return forms;
    }

    /** The form named {@code name}, if the registry has it. */
    static Optional<Form> named(String name, boolean cdm) {
        return of(cdm).stream().filter(form -> form.name().equals(name)).findFirst();
    }

    /** The JSON body a form's values make. */
    static ObjectNode body(Form form, MultivaluedMap<String, String> values) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode block = JsonNodeFactory.instance.objectNode();
        if (!form.name().equals(FULL)) {
            body.put("operation", form.name());
        }
        for (Field field : form.fields()) {
            String value = values.getFirst(field.name());
            if (value == null || value.isBlank()) {
                continue;
            }
            String given = value.strip();
            boolean inBlock = field.name().startsWith(BLOCK);
            ObjectNode target = inBlock ? block : body;
            String name = inBlock ? field.name().substring(BLOCK.length()) : field.name();
            if (field.kind() == Kind.NUMBER && WHOLE.matcher(given).matches()) {
                target.put(name, Long.parseLong(given));
            } else {
                target.put(name, given);
            }
        }
        if (form.name().equals(FULL)) {
            body.putArray("blocks").add(block);
        }
        return body;
    }

    /** The form as a page shows it, with the values typed before (after a refusal) or none. */
    static Element render(Form form, String action, ConsoleSessions.Session session, MultivaluedMap<String, String> typed) {
        Element fields = el("fieldset");
        for (Field field : form.fields()) {
            String value = typed == null ? null : typed.getFirst(field.name());
            String id = form.name() + "-" + field.name().replace('.', '-');
            Element input = switch (field.kind()) {
                case SELECT -> {
                    Element select = el("select");
                    if (!field.required()) {
                        select.add(el("option", "").attr("value", ""));
                    }
                    for (String[] option : field.options()) {
                        select.add(el("option", option[1]).attr("value", option[0])
                                .flag("selected", option[0].equals(value)));
                    }
                    yield select;
                }
                case LONG_TEXT -> el("textarea", value == null ? "" : value);
                default -> el("input").attr("type", field.kind() == Kind.NUMBER ? "text" : field.kind() == Kind.DATE
                        ? "date" : "text").attr("value", value == null ? "" : value)
                        .attr("inputmode", field.kind() == Kind.NUMBER ? "numeric" : "text");
            };
            input.attr("name", field.name()).attr("id", id).flag("required", field.required());
            fields.add(el("label").attr("for", id).add(Html.text(field.label()), input));
        }
        return el("form").attr("method", "post").attr("action", action).cls("panel").attr("id", "form-" + form.name())
                .add(el("h2", form.title()), el("p", form.help()).cls("muted"), ConsoleLayout.csrf(session),
                        el("input").attr("type", "hidden").attr("name", "form").attr("value", form.name()),
                        fields, el("button", "Propose").attr("type", "submit").attr("id", "propose-" + form.name()));
    }

    private static Field text(String name, String label, boolean required) {
        return new Field(name, label, Kind.TEXT, List.of(), required);
    }

    private static Field number(String name, String label) {
        return number(name, label, true);
    }

    private static Field number(String name, String label, boolean required) {
        return new Field(name, label, Kind.NUMBER, List.of(), required);
    }

    private static Field date(String name, String label) {
        return new Field(name, label, Kind.DATE, List.of(), false);
    }

    private static Field select(String name, String label, List<String[]> options, boolean required) {
        return new Field(name, label, Kind.SELECT, options, required);
    }

    private static List<String[]> unitTypes() {
        return Arrays.stream(UnitType.values()).map(type -> new String[] {type.name(), type.label()}).toList();
    }

    private static List<String[]> periods() {
        return Arrays.stream(CommitmentPeriod.values())
                .map(period -> new String[] {Integer.toString(period.code()), period.code() + " (" + period.years() + ")"})
                .toList();
    }

    private static List<String[]> kinds() {
        return Arrays.stream(SupplementaryType.values())
                .map(kind -> new String[] {kind.name(), kind.label() + " (" + kind.transactionType().code() + "-"
                        + kind.code() + ")"})
                .toList();
    }

    private static List<String[]> named(Enum<?>[] values) {
        return Arrays.stream(values).map(value -> new String[] {value.name(),
                value.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')}).toList();
    }
}
