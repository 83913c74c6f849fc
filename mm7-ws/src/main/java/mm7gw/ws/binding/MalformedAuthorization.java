package mm7gw.ws.binding;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import jakarta.servlet.ServletContext;
import java.util.Base64;

/**
 * A Basic {@code Authorization} header whose credentials are not Base64 is answered 401 with a Basic challenge on
 * WildFly, before the server's authentication mechanism sees it: that mechanism fails on such a header with an
 * exception, which the server answers with HTTP 500. Well-formed credentials, right or wrong, and every other
 * scheme go on to the server's authentication unchanged. (Payara ignores this Undertow extension.)
 */
public class MalformedAuthorization implements ServletExtension {
    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        String realm = deployment.getLoginConfig() == null || deployment.getLoginConfig().getRealmName() == null
                ? "MM7 Gateway" : deployment.getLoginConfig().getRealmName();
        deployment.addInitialHandlerChainWrapper(next -> new Check(next, realm));
    }

    /** Whether the header is Basic followed by something that cannot be decoded as Base64. */
    static boolean malformedBasic(String authorization) {
        if (authorization == null) {
            return false;
        }
        String header = authorization.trim();
        if (header.length() < 5 || !header.regionMatches(true, 0, "Basic", 0, 5)
                || (header.length() > 5 && !Character.isWhitespace(header.charAt(5)))) {
            return false;
        }
        String token = header.substring(5).trim();
        if (token.isEmpty()) {
            return false;
        }
        try {
            Base64.getDecoder().decode(token);
            return false;
        } catch (IllegalArgumentException notBase64) {
            return true;
        }
    }

    private record Check(HttpHandler next, String realm) implements HttpHandler {
        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            if (!malformedBasic(exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION))) {
                next.handleRequest(exchange);
                return;
            }
            exchange.setStatusCode(StatusCodes.UNAUTHORIZED);
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
            exchange.getResponseSender().send("The Authorization header is not Basic followed by Base64 credentials.\n");
        }
    }
}
