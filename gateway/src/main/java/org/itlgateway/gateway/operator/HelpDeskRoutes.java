package org.itlgateway.gateway.operator;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.itlgateway.core.helpdesk.HelpDesk;
import org.itlgateway.core.helpdesk.HelpDeskQuery;
import org.itlgateway.core.helpdesk.MonthlyResponseTimes;
import org.itlgateway.core.helpdesk.Question;
import org.itlgateway.core.helpdesk.QueryStatus;
import org.itlgateway.core.helpdesk.StakeholderRole;
import org.itlgateway.core.registry.RegistryCode;
import org.itlgateway.gateway.http.Answers;
import org.itlgateway.gateway.node.helpdesk.HelpDeskQueries;

/**
 * The CDM Help Desk beside the CDM registry ({@code /help-desk}): a query's intake, acknowledged at once with its
 * reference, its eligibility and the reason, and its due date (15 working days); the queue by status and what falls
 * due this week; a query and its answer; the response times per month. Another registry answers these 404. Dates are
 * the injected clock's, in UTC.
 */
@Path("help-desk")
@Produces(MediaType.APPLICATION_JSON)
public final class HelpDeskRoutes {

    private static final Map<String, StakeholderRole> ROLES = Map.of(
            "project-participant", StakeholderRole.PROJECT_PARTICIPANT,
            "coordinating-managing-entity", StakeholderRole.COORDINATING_MANAGING_ENTITY,
            "dna", StakeholderRole.DESIGNATED_NATIONAL_AUTHORITY,
            "doe", StakeholderRole.DESIGNATED_OPERATIONAL_ENTITY);
    private static final int MOST_MONTHS = 120;

    private final OperatedRegistry registry;

    HelpDeskRoutes(OperatedRegistry registry) {
        this.registry = registry;
    }

    /** Why a query is, or is not, answered by the help desk. */
    public record EligibilityView(boolean eligible, String ground, String reason) {
    }

    /** A query as kept: the question, its acknowledgement, eligibility, due date, status and answer. */
    public record HelpDeskQueryView(String reference, String status, String name, String organisation, String email,
                                    String role, Long project, String programme, String hostParty, String subject,
                                    String question, Instant acknowledgedAt, EligibilityView eligibility,
                                    LocalDate dueDate, String referral, String answeredBy, Instant answeredAt,
                                    String answer, Integer workingDaysToAnswer, String href) {

        static HelpDeskQueryView of(HelpDeskQuery query, HelpDesk desk, LocalDate today) {
            Question q = query.question();
            return new HelpDeskQueryView(query.reference(), query.status(today).name().toLowerCase(Locale.ROOT),
                    q.name(), q.organisation(), q.email(), roleName(q.role()), q.project(), q.programme(),
                    query.hostParty(), q.subject(), q.text(), query.receivedAt(),
                    new EligibilityView(query.eligibility().eligible(),
                            query.eligibility().ground().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            query.eligibility().reason()),
                    query.dueDate(), query.eligibility().eligible() ? null : desk.referral(), query.answeredBy(),
                    query.answeredAt(), query.answer(), desk.workingDaysToAnswer(query),
                    "/help-desk/queries/" + query.reference());
        }
    }

    /** A page of the queue. */
    public record HelpDeskQueryList(String status, int limit, List<HelpDeskQueryView> queries) {
    }

    /** The queries not answered that fall due this week, Monday to Sunday. */
    public record DueThisWeek(LocalDate today, LocalDate from, LocalDate to, List<HelpDeskQueryView> queries) {
    }

    /** The response times of the queries received in one month. */
    public record MonthView(String month, int received, int eligible, int answered, int answeredWithin15WorkingDays,
                            int open, int overdue, Double medianWorkingDays, Integer maxWorkingDays) {

        static MonthView of(MonthlyResponseTimes line) {
            return new MonthView(line.month().toString(), line.received(), line.eligible(), line.answered(),
                    line.answeredInTime(), line.open(), line.overdue(), line.medianWorkingDays(), line.maxWorkingDays());
        }
    }

    /** The response times per month of receipt. */
    public record ResponseTimesReport(String from, String to, List<MonthView> months) {
    }

    @POST
    @Path("queries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(status = 201, body = HelpDeskQueryView.class,
            summary = "receives a query: its reference, eligibility with the reason, acknowledgement time and due date")
    public Response receive(HelpDeskRequest body) {
        HelpDesk desk = registry.helpDesk();
        Question question = questionOf(body);
        Instant now = registry.clock().instant();
        if (question.project() != null && question.hostParty() == null
                && registry.read(() -> registry.cdmFor("the help desk").projects().find(question.project()).isEmpty())) {
            throw ApiProblem.invalid("hostParty", "project " + question.project() + " is not in the project table:"
                    + " give its hostParty (the ISO 3166 alpha-2 code of the Party hosting it)");
        }
        String reference = registry.sql(connection -> HelpDeskQueries.nextReference(connection, now));
        HelpDeskQuery query = registry.read(() -> desk.receive(reference, question, now));
        registry.sql(connection -> {
            HelpDeskQueries.keep(connection, query);
            return null;
        });
        return Response.created(URI.create("/help-desk/queries/" + reference))
                .entity(HelpDeskQueryView.of(query, desk, today())).build();
    }

    @GET
    @Path("queries")
    public HelpDeskQueryList queue(@QueryParam("status") String statusText, @QueryParam("limit") String limitText) {
        HelpDesk desk = registry.helpDesk();
        QueryStatus status = statusOf(statusText);
        int limit = limitText == null || limitText.isBlank() ? TransactionRoutes.DEFAULT_LIMIT
                : TransactionRoutes.limitOf(limitText);
        LocalDate today = today();
        return new HelpDeskQueryList(status == null ? null : status.name().toLowerCase(Locale.ROOT), limit,
                registry.sql(connection -> HelpDeskQueries.inStatus(connection, status, today, limit)).stream()
                        .map(query -> HelpDeskQueryView.of(query, desk, today)).toList());
    }

    @GET
    @Path("queries/due-this-week")
    public DueThisWeek dueThisWeek() {
        HelpDesk desk = registry.helpDesk();
        LocalDate today = today();
        List<LocalDate> week = HelpDesk.weekOf(today);
        return new DueThisWeek(today, week.get(0), week.get(1),
                registry.sql(connection -> HelpDeskQueries.dueBetween(connection, week.get(0), week.get(1))).stream()
                        .map(query -> HelpDeskQueryView.of(query, desk, today)).toList());
    }

    @GET
    @Path("queries/{reference}")
    public HelpDeskQueryView query(@PathParam("reference") String reference) {
        HelpDesk desk = registry.helpDesk();
        return HelpDeskQueryView.of(find(reference), desk, today());
    }

    @POST
    @Path("queries/{reference}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public HelpDeskQueryView answer(@PathParam("reference") String reference, HelpDeskAnswer body) {
        HelpDesk desk = registry.helpDesk();
        if (body == null) {
            throw ApiProblem.badRequest("the request needs a JSON object as its body");
        }
        String by = required(body.by(), "by", "who answers");
        String answer = required(body.answer(), "answer", "the answer given");
        HelpDeskQuery query = find(reference);
        if (query.isAnswered()) {
            throw ApiProblem.conflict("query " + reference + " was answered by " + query.answeredBy() + " at "
                    + query.answeredAt());
        }
        Instant now = registry.clock().instant();
        if (!registry.sql(connection -> HelpDeskQueries.answer(connection, reference, by, now, answer))) {
            throw ApiProblem.conflict("query " + reference + " was answered meanwhile");
        }
        return HelpDeskQueryView.of(find(reference), desk, today());
    }

    @GET
    @Path("report")
    public ResponseTimesReport report(@QueryParam("from") String fromText, @QueryParam("to") String toText) {
        HelpDesk desk = registry.helpDesk();
        LocalDate today = today();
        YearMonth from = monthOf(fromText, "from", YearMonth.from(today));
        YearMonth to = monthOf(toText, "to", from);
        if (to.isBefore(from) || from.plusMonths(MOST_MONTHS).isBefore(to)) {
            throw ApiProblem.invalid("to", "to must be from " + from + " to " + from.plusMonths(MOST_MONTHS - 1)
                    + ", not " + to);
        }
        Instant start = from.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<HelpDeskQuery> received = registry.sql(connection -> HelpDeskQueries.receivedBetween(connection, start, end));
        return new ResponseTimesReport(from.toString(), to.toString(),
                MonthlyResponseTimes.of(received, desk, from, to, today).stream().map(MonthView::of).toList());
    }

    private HelpDeskQuery find(String reference) {
        return registry.sql(connection -> HelpDeskQueries.find(connection, reference))
                .orElseThrow(() -> ApiProblem.notFound("the help desk has no query " + reference));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(registry.clock().instant(), ZoneOffset.UTC);
    }

    private static Question questionOf(HelpDeskRequest body) {
        if (body == null) {
            throw ApiProblem.badRequest("the request needs a JSON object as its body");
        }
        String name = required(body.name(), "name", "who asks");
        String email = required(body.email(), "email", "where the acknowledgement and the answer go");
        if (!email.matches("[^@\\s]+@[^@\\s]+")) {
            throw ApiProblem.invalid("email", "email must be an e-mail address, not " + email);
        }
        String roleText = required(body.role(), "role", "one of " + String.join(", ", ROLES.keySet().stream().sorted().toList()));
        StakeholderRole role = ROLES.get(roleText.toLowerCase(Locale.ROOT));
        if (role == null) {
            throw ApiProblem.invalid("role", "role must be one of " + String.join(", ", ROLES.keySet().stream().sorted()
                    .toList()) + ", not " + roleText);
        }
        String question = required(body.question(), "question", "the question");
        if (body.project() != null && body.project() < 1) {
            throw ApiProblem.invalid("project", "project must be a project number, 1 or more, not " + body.project());
        }
        String programme = body.programme() == null || body.programme().isBlank() ? null : body.programme().strip();
        if (body.project() == null && programme == null) {
            throw ApiProblem.invalid("project", "project is required: the number of the project asked about (or give"
                    + " programme, the reference of a programme of activities, with its hostParty)");
        }
        RegistryCode host = null;
        if (body.hostParty() != null) {
            if (!RegistryCode.isWellFormed(body.hostParty()) || RegistryCode.CDM.value().equals(body.hostParty())) {
                throw ApiProblem.invalid("hostParty", "hostParty must be the ISO 3166 alpha-2 code of a Party, such as"
                        + " KE, not " + body.hostParty());
            }
            host = RegistryCode.of(body.hostParty());
        } else if (body.project() == null) {
            throw ApiProblem.invalid("hostParty", "hostParty is required for a programme: the ISO 3166 alpha-2 code of"
                    + " the Party hosting it");
        }
        return new Question(name, body.organisation(), email, role, body.project(), programme, host, body.subject(),
                question);
    }

    private static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(field, field + " is required: " + what);
        }
        return value.strip();
    }

    private static QueryStatus statusOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return QueryStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("status", "status must be open, overdue, answered or referred, not " + text);
        }
    }

    private static YearMonth monthOf(String text, String field, YearMonth otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(field, field + " must be a month such as 2016-01, not " + text);
        }
    }

    static String roleName(StakeholderRole role) {
        return ROLES.entrySet().stream().filter(entry -> entry.getValue() == role).map(Map.Entry::getKey).findFirst()
                .orElse(role.name());
    }
}
