package mm7gw.admin.web;

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

/**
 * The open console sessions of each administrator on this node, so that a password change can sign out the
 * account's other sessions ({@link #signOutOthers}). A session is noted at its first request with a signed-in
 * administrator (the filter) and forgotten when it ends (the listener; the container makes one instance for each
 * role, the registry is shared). The session itself only gets the login, a string.
 */
@WebFilter("/*")
@WebListener
public class ConsoleSessions extends HttpFilter implements HttpSessionListener {
    static final String LOGIN = ConsoleSessions.class.getName() + ".login";
    private static final Map<String, Set<HttpSession>> OPEN = new ConcurrentHashMap<>();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal user = request.getUserPrincipal();
        HttpSession session = user == null ? null : request.getSession(false);
        if (session != null && !user.getName().equals(session.getAttribute(LOGIN))) {
            session.setAttribute(LOGIN, user.getName());
            OPEN.computeIfAbsent(user.getName(), k -> ConcurrentHashMap.newKeySet()).add(session);
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
