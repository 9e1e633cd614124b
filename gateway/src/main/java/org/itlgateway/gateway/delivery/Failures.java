package org.itlgateway.gateway.delivery;

import java.io.PrintWriter;
import java.io.StringWriter;

/** How a failure is kept with a dead letter: a short reason and the stack trace, both bounded in size. */
final class Failures {

    private static final int MAX_REASON = 2_000;
    private static final int MAX_TRACE = 16_000;

    private Failures() {
    }

    /**
     * Whether the peer's host refused the connection: it is up but nothing listens on the peer's port, as while the
     * peer's gateway restarts. The stack's client says so ("Connection refused"); the JDK's HTTP client, which the
     * nodes' clients send through, names no reason for a refused connection (a connection that timed out is an
     * {@link java.net.http.HttpConnectTimeoutException} there, never a {@link java.net.ConnectException}).
     */
    static boolean connectionRefused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.net.ConnectException && (cause.getMessage() == null
                    || cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("refused"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the failure is the database being unreachable or its session lost (a connection failure, class 08; the
     * server shutting down or the session terminated, 57P01 to 57P03; no connection from the pool in time): a
     * failure of the moment, not of the message, so the message is taken again later rather than set aside.
     */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLRecoverableException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database rolled the work back because it met concurrent work: a deadlock it broke (40P01) or a
     * serialisation failure (40001). Nothing was kept and the same work, done again, succeeds; PostgreSQL's own advice.
     * Two instances of a gateway on one database, or two racing issuances of the same serials, meet it.
     */
    static boolean concurrencyConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The exception's class and message, and those of its causes, in one line. */
    static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = failure; cause != null && reason.length() < MAX_REASON; cause = cause.getCause()) {
            if (reason.length() > 0) {
                reason.append(" <- ");
            }
            reason.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            if (cause.getCause() == cause) {
                break;
            }
        }
        return bounded(reason.toString(), MAX_REASON);
    }

    static String trace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return bounded(trace.toString(), MAX_TRACE);
    }

    /**
     * The text cut to {@code max} characters, its control characters (a peer's garbage quoted in an exception's
     * message: NUL, which PostgreSQL's text refuses, or escape sequences) shown as {@code ?}; lines and tabs are kept.
     */
    static String bounded(String text, int max) {
        if (text == null) {
            return null;
        }
        String cut = text.length() <= max ? text : text.substring(0, max);
        StringBuilder shown = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c < 0xa0);
            shown.append(control ? '?' : c);
        }
        return shown.toString();
    }
}
