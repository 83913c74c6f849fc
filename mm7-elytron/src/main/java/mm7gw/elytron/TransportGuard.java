package mm7gw.elytron;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.ConfidentialPortManager;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import jakarta.servlet.ServletContext;
import java.util.logging.Logger;

/**
 * Passwords never cross plain HTTP (WildFly): a web module that lists this servlet extension (the MM7 endpoint, the
 * console and admin API) answers only requests that arrived over TLS, or that a proxy in front forwarded as https
 * (Undertow's proxy-address-forwarding). Anything else is turned away before the request reaches the
 * authentication mechanisms, so credentials sent over plain HTTP are never checked: a GET or HEAD is redirected to
 * the same address on the HTTPS port (the listener's redirect-socket), every other request gets 403.
 * <p>
 * An operator opts in to plain HTTP with the system property {@value #PLAIN_ALLOWED}{@code =true} (the run command
 * and the test servers on loopback). It is read for every request, so switching it on a running server through the
 * management model ({@code /system-property=mm7.http.plain-allowed:...}) takes effect at once. Even then a VASP whose
 * service level requires TLS is refused over plain HTTP, before its password is checked ({@link VaspRealm}).
 */
public class TransportGuard implements ServletExtension {
    public static final String PLAIN_ALLOWED = "mm7.http.plain-allowed";
    private static final Logger LOG = Logger.getLogger("mm7gw.elytron");

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        // the initial chain runs before the servlet security handlers: nothing is authenticated yet
        deployment.addInitialHandlerChainWrapper(next -> new Handler(next, deployment));
        LOG.info(() -> servletContext.getContextPath() + ": requests over plain HTTP are "
                + (plainAllowed() ? "ALLOWED (" + PLAIN_ALLOWED + "=true)" : "refused (HTTPS only)"));
    }

    static boolean plainAllowed() {
        return Boolean.getBoolean(PLAIN_ALLOWED);
    }

    private record Handler(HttpHandler next, DeploymentInfo deployment) implements HttpHandler {
        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            if (exchange.isSecure() || plainAllowed()) {
                next.handleRequest(exchange);
                return;
            }
            ConfidentialPortManager ports = deployment.getConfidentialPortManager();
            int port = ports == null ? -1 : ports.getConfidentialPort(exchange);
            boolean safe = Methods.GET.equals(exchange.getRequestMethod()) || Methods.HEAD.equals(exchange.getRequestMethod());
            String https = port > 0 ? httpsUrl(exchange, port) : null;
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
            if (safe && https != null) {
                exchange.setStatusCode(StatusCodes.FOUND);
                exchange.getResponseHeaders().put(Headers.LOCATION, https);
            } else {
                exchange.setStatusCode(StatusCodes.FORBIDDEN);
            }
            exchange.getResponseSender().send("HTTPS required: this server accepts no requests over plain HTTP"
                    + (https == null ? "" : "; use " + https) + "\n");
        }

        private static String httpsUrl(HttpServerExchange exchange, int port) {
            String host = exchange.getHostName();
            if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
                host = "[" + host + "]";
            }
            String query = exchange.getQueryString();
            return "https://" + host + (port == 443 ? "" : ":" + port) + exchange.getRequestURI()
                    + (query == null || query.isEmpty() ? "" : "?" + query);
        }
    }
}
