package mm7gw.admin.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import mm7gw.admin.control.AdminCredentials;

/**
 * The open console sessions of each administrator, so that a password change signs out the account's other
 * sessions on every node. A session is noted at its first request with a signed-in administrator (the filter),
 * with the administrator's credential stamp of that moment ({@link AdminCredentials}, from the database); each later
 * request compares it with the current stamp (kept per node for at most a second), and a session opened before a
 * change - made through this node or another one - is ended and the request sent to sign in again. On this node
 * the change also ends them at once ({@link #signOutOthers}; the listener forgets ended sessions, the container makes
 * one instance for each role, the registry is shared). The session itself only gets the login and the stamp,
 * strings.
 */
@WebFilter("/*")
@WebListener
public class ConsoleSessions extends HttpFilter implements HttpSessionListener {
    static final String LOGIN = ConsoleSessions.class.getName() + ".login";
    /** the administrator's credential stamp when the session was opened ({@link AdminCredentials}) */
    static final String CREDENTIALS = ConsoleSessions.class.getName() + ".credentials";
    private static final Map<String, Set<HttpSession>> OPEN = new ConcurrentHashMap<>();

    @Inject
    AdminCredentials credentials;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal user = request.getUserPrincipal();
        HttpSession session = user == null ? null : request.getSession(false);
        if (session != null) {
            String login = user.getName();
            if (!login.equals(session.getAttribute(LOGIN))) {
                session.setAttribute(CREDENTIALS, credentials.current(login));
                session.setAttribute(LOGIN, login);
                OPEN.computeIfAbsent(login, k -> ConcurrentHashMap.newKeySet()).add(session);
            } else if (!credentials.stamp(login).equals(session.getAttribute(CREDENTIALS))) {
                // the password changed since this session was opened (through any node): signed out, and asked to
                // sign in again where it was going
                try {
                    session.invalidate();
                } catch (IllegalStateException endedMeanwhile) {
                    // signed out by this node's own registry already
                }
                request.logout();
                String query = request.getQueryString();
                response.setHeader("Cache-Control", "no-store");
                response.sendRedirect(request.getRequestURI() + (query == null ? "" : "?" + query));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object login = event.getSession().getAttribute(LOGIN);
        Set<HttpSession> sessions = login == null ? null : OPEN.get(login);
        if (sessions != null) {
            String id = event.getSession().getId();
            sessions.removeIf(s -> id.equals(s.getId()));
        }
    }

    /**
     * Ends every console session of {@code login} on this node but {@code keep} (the caller's own; null: all of them).
     *
     * @return how many were ended
     */
    static int signOutOthers(String login, HttpSession keep) {
        Set<HttpSession> sessions = OPEN.get(login);
        if (sessions == null) {
            return 0;
        }
        String kept = keep == null ? null : keep.getId();
        int ended = 0;
        for (HttpSession s : List.copyOf(sessions)) {
            String id;
            try {
                id = s.getId();
            } catch (IllegalStateException gone) {
                sessions.remove(s);
                continue;
            }
            if (id.equals(kept)) {
                continue;
            }
            sessions.remove(s);
            try {
                s.invalidate();
                ended++;
            } catch (IllegalStateException endedMeanwhile) {
                // expired or signed out since
            }
        }
        return ended;
    }
}
