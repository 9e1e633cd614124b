package org.itlgateway.core.store.jpa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.itlgateway.core.notice.Notice;
import org.itlgateway.core.notice.Notices;
import org.itlgateway.core.store.Database;

/** The ITL notices a node knows, in its database. Each call joins the running unit of work or runs in its own. */
public final class PostgresNotices implements Notices {

    private final Database database;

    public PostgresNotices(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<Notice> find(long noticeId) {
        return database.call(() -> Optional.ofNullable(database.session().find(NoticeRow.class, noticeId))
                .map(NoticeRow::toNotice));
    }

    @Override
    public List<Notice> recent(int limit) {
        return database.call(() -> database.session()
                .createQuery("from NoticeRow n order by n.issuedAt desc nulls last, n.id desc", NoticeRow.class)
                .setMaxResults(limit).getResultList().stream().map(NoticeRow::toNotice).toList());
    }

    @Override
    public void save(Notice notice) {
        database.run(() -> database.session().merge(NoticeRow.of(notice)));
    }
}
