package org.itlgateway.core.notice;

import java.util.Optional;

/** The ITL notices a node knows. */
public interface Notices {

    Optional<Notice> find(long noticeId);

    /** Adds or replaces a notice. */
    void save(Notice notice);
}
