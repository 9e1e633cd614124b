package org.itlgateway.core.notice;

import java.util.List;
import java.util.Optional;

/** The ITL notices a node knows. */
public interface Notices {

    Optional<Notice> find(long noticeId);

    /** Adds or replaces a notice. */
    void save(Notice notice);

    /** The most recently issued notices, newest first (those without an issue time last), at most {@code limit}. */
    List<Notice> recent(int limit);
}
