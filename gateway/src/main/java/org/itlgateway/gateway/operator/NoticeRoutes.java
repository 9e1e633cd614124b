package org.itlgateway.gateway.operator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.itlgateway.core.notice.Notice;

/**
 * {@code GET /notices}: the ITL notices the registry received (acceptITLNotice), most recently issued first, with what
 * each asks: its type and status (the DES's codes), the project, period and unit type it is about, the target
 * quantity and date, and the unit blocks it names. Its operators fulfil a notice with transactions naming its
 * identifier.
 */
@Path("notices")
@Produces(MediaType.APPLICATION_JSON)
public final class NoticeRoutes {

    private final OperatedRegistry registry;

    NoticeRoutes(OperatedRegistry registry) {
        this.registry = registry;
    }

    /** A notice as the registry received it. */
    public record NoticeView(long id, CodeView type, CodeView status, Long project, Integer period, Integer unitType,
                             Long targetQuantity, LocalDate targetDate, Instant issuedAt, List<String> blocks,
                             String content) {

        static NoticeView of(Notice notice) {
            return new NoticeView(notice.id(), new CodeView(notice.type().code(), notice.type().label()),
                    new CodeView(notice.status().code(), notice.status().name().toLowerCase(java.util.Locale.ROOT)), notice.projectId(),
                    notice.period() == null ? null : notice.period().code(),
                    notice.unitType() == null ? null : notice.unitType().code(), notice.targetQuantity(),
                    notice.targetDate(), notice.issuedAt(), notice.blocks().stream().map(Object::toString).toList(),
                    notice.content().isEmpty() ? null : notice.content());
        }
    }

    /** A page of notices. */
    public record NoticeList(int limit, List<NoticeView> notices) {
    }

    @GET
    public NoticeList list(@QueryParam("limit") String limitText) {
        int limit = limitText == null || limitText.isBlank() ? TransactionRoutes.DEFAULT_LIMIT
                : TransactionRoutes.limitOf(limitText);
        return new NoticeList(limit, registry.read(() -> registry.records().notices().recent(limit).stream()
                .map(NoticeView::of).toList()));
    }
}
