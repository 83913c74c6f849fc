package mm7gw.elytron;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.callback.CallbackHandler;
import org.wildfly.security.http.HttpAuthenticationException;
import org.wildfly.security.http.HttpServerAuthenticationMechanism;
import org.wildfly.security.http.HttpServerAuthenticationMechanismFactory;
import org.wildfly.security.http.HttpServerRequest;
import org.wildfly.security.http.HttpServerRequestWrapper;

/**
 * HTTP DIGEST with MD5 and with SHA-256 on the same endpoint. Elytron's two digest mechanisms each answer "bad
 * request" to a response computed with the other algorithm, which ends the authentication before the other
 * mechanism sees it; so each one here sees only the Digest responses of its own algorithm (and both still send
 * their challenges). Mechanism names: MM7-DIGEST-MD5 and MM7-DIGEST-SHA-256; the digest work itself is Elytron's.
 * Registered through META-INF/services (service-loader-http-server-mechanism-factory in server-config/security.cli).
 */
public class DigestAlgorithmMechanismFactory implements HttpServerAuthenticationMechanismFactory {
    public static final String MD5 = "MM7-DIGEST-MD5";
    public static final String SHA_256 = "MM7-DIGEST-SHA-256";
    private static final Pattern ALGORITHM = Pattern.compile("(?i)(?:^|[,\\s])algorithm\\s*=\\s*\"?([A-Za-z0-9\\-]+)");

    private final HttpServerAuthenticationMechanismFactory elytronDigest;

    public DigestAlgorithmMechanismFactory() {
        HttpServerAuthenticationMechanismFactory found = null;
        for (HttpServerAuthenticationMechanismFactory f : ServiceLoader.load(HttpServerAuthenticationMechanismFactory.class,
                HttpServerAuthenticationMechanismFactory.class.getClassLoader())) {
            if (List.of(f.getMechanismNames(Map.of())).contains("DIGEST-SHA-256")) {
                found = f;
                break;
            }
        }
        elytronDigest = found;
    }

    @Override
    public String[] getMechanismNames(Map<String, ?> properties) {
        return elytronDigest == null ? new String[0] : new String[] {MD5, SHA_256};
    }

    @Override
    public HttpServerAuthenticationMechanism createAuthenticationMechanism(String mechanismName,
            Map<String, ?> properties, CallbackHandler callbackHandler) throws HttpAuthenticationException {
        if (elytronDigest == null) {
            return null;
        }
        String algorithm;
        String elytronName;
        if (MD5.equals(mechanismName)) {
            algorithm = "MD5";
            elytronName = "DIGEST";
        } else if (SHA_256.equals(mechanismName)) {
            algorithm = "SHA-256";
            elytronName = "DIGEST-SHA-256";
        } else {
            return null;
        }
        HttpServerAuthenticationMechanism delegate = elytronDigest.createAuthenticationMechanism(elytronName, properties,
                callbackHandler);
        return delegate == null ? null : new OneAlgorithm(mechanismName, algorithm, delegate);
    }

    /** The algorithm a Digest Authorization value names (RFC 7616: MD5 when it names none). */
    static String algorithmOf(String authorization) {
        Matcher m = ALGORITHM.matcher(authorization.substring("Digest".length()));
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "MD5";
    }

    private static final class OneAlgorithm implements HttpServerAuthenticationMechanism {
        private final String name;
        private final String algorithm;
        private final HttpServerAuthenticationMechanism delegate;

        OneAlgorithm(String name, String algorithm, HttpServerAuthenticationMechanism delegate) {
            this.name = name;
            this.algorithm = algorithm;
            this.delegate = delegate;
        }

        @Override
        public String getMechanismName() {
            return name;
        }

        @Override
        public void evaluateRequest(HttpServerRequest request) throws HttpAuthenticationException {
            delegate.evaluateRequest(new HttpServerRequestWrapper(request) {
                @Override
                public List<String> getRequestHeaderValues(String headerName) {
                    List<String> values = super.getRequestHeaderValues(headerName);
                    if (values == null || !"Authorization".equalsIgnoreCase(headerName)) {
                        return values;
                    }
                    List<String> mine = new ArrayList<>();
                    for (String v : values) {
                        if (!v.regionMatches(true, 0, "Digest ", 0, 7) || algorithm.equals(algorithmOf(v))) {
                            mine.add(v);
                        }
                    }
                    return mine.isEmpty() ? null : mine;
                }

                @Override
                public String getFirstRequestHeaderValue(String headerName) {
                    List<String> values = getRequestHeaderValues(headerName);
                    return values == null || values.isEmpty() ? null : values.get(0);
                }
            });
        }

        @Override
        public Object getNegotiatedProperty(String propertyName) {
            return delegate.getNegotiatedProperty(propertyName);
        }

        @Override
        public void dispose() {
            delegate.dispose();
        }
    }
}
