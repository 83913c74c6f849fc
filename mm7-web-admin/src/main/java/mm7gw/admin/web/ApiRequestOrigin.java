package mm7gw.admin.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Cross-site request forgery on the admin API: a state change (any method but GET, HEAD, OPTIONS) that rides on
 * the console's session cookie instead of its own Authorization header must carry {@code X-Requested-By}, which a
 * page of another site cannot add without the browser asking this server first (and CORS is not enabled here).
 * API clients that send their credentials with every request are not affected.
 */
@WebFilter("/api/*")
public class ApiRequestOrigin extends HttpFilter {
    static final String HEADER = "X-Requested-By";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE.contains(request.getMethod()) && request.getHeader("Authorization") == null
                && request.getHeader(HEADER) == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "a state change through the console session needs the header " + HEADER);
            return;
        }
        chain.doFilter(request, response);
    }
}
