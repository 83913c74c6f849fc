package mm7gw.payara;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import mm7gw.elytron.ClientNetworks;
import mm7gw.elytron.LoginThrottle;
import mm7gw.elytron.VaspAccounts;
import mm7gw.elytron.VerifiedPasswords;

/**
 * The gateway's HTTP authentication on Payara: a Jakarta Authentication server module of the HttpServlet layer that
 * both web modules name in their glassfish-web.xml (message-security providers mm7-vasp-auth and mm7-admin-auth,
 * written into domain.xml by server-config/payara/payara.sh provision). It sees the request, so it does what WildFly's realms and
 * mechanisms do, with the same shared code of mm7-elytron ({@link VaspAccounts}, {@link LoginThrottle},
 * {@link VerifiedPasswords}, {@link ClientNetworks}):
 * <ul>
 * <li>kind "vasp" (the MM7 endpoint): HTTP BASIC against the bcrypt hash, HTTP DIGEST (SHA-256, and MD5 where the
 * VASP's level stored an MD5 H(A1)) and TLS client certificates by SHA-256 fingerprint. A level that requires TLS
 * refuses plain HTTP before the password is checked (not counted); the VASP-wide allowed networks are applied
 * before the password; failed logins are throttled per login and source address. The EJB layer then checks the
 * mechanism against the level (the auth type is BASIC, DIGEST or CLIENT_CERT).</li>
 * <li>kind "admin" (console and admin API): the console's login form (POST j_security_check, a session whose id
 * changes at login) and HTTP BASIC for API clients, against mm7_admin_account, with the same throttle (account kind
 * "admin"). A request without credentials to a protected page is redirected to the login page.</li>
 * </ul>
 * Options (provider properties): kind, data-source (JNDI, jdbc/__default), verified-password-ttl-seconds (300),
 * digest-nonce-seconds (300) and the {@link LoginThrottle} settings (each overridable by -Dmm7.login.&lt;key&gt;).
 */
public class GatewayAuthModule implements ServerAuthModule {
    static final String VASP_REALM = "MM7 Gateway";
    static final String ADMIN_REALM = "MM7 Gateway administration";
    static final String VASP = "vasp";
    static final String ADMIN = "admin";
    private static final String SESSION_LOGIN = "mm7gw.payara.admin-login";
    private static final String SESSION_AFTER_LOGIN = "mm7gw.payara.after-login";
    private static final String AUTH_TYPE = "jakarta.servlet.http.authType";
    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";
    private static final Logger LOG = Logger.getLogger(GatewayAuthModule.class.getName());

    /**
     * What outlives one module instance, per configuration: Payara may create a module for each request, but a Digest
     * nonce must be checked with the key that made it, and a verified password is remembered across requests.
     */
    private record Shared(VaspAccounts accounts, LoginThrottle throttle, VerifiedPasswords verified, HttpDigest digest) {
        static Shared of(Map<String, String> config) {
            return new Shared(new VaspAccounts(config), new LoginThrottle(config), new VerifiedPasswords(
                    Long.parseLong(config.getOrDefault("verified-password-ttl-seconds", "300")) * 1000L, 10_000),
                    new HttpDigest(VASP_REALM, Long.parseLong(config.getOrDefault("digest-nonce-seconds", "300")) * 1000L));
        }
    }

    private static final ConcurrentHashMap<Map<String, String>, Shared> SHARED = new ConcurrentHashMap<>();
    private static final java.util.Set<String> SETTINGS = java.util.Set.of("kind", "data-source",
            "verified-password-ttl-seconds", "digest-nonce-seconds", "max-failed-logins", "lock-seconds",
            "max-lock-seconds", "forget-seconds");

    private CallbackHandler handler;
    private String kind = VASP;
    private VaspAccounts accounts;
    private LoginThrottle throttle;
    private VerifiedPasswords verified;
    private HttpDigest digest;

    @Override
    public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
            @SuppressWarnings("rawtypes") Map options) {
        this.handler = handler;
        Map<String, String> config = new HashMap<>();
        if (options != null) {
            for (Object e : options.entrySet()) {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) e;
                if (entry.getKey() instanceof String k && SETTINGS.contains(k) && entry.getValue() instanceof String v) {
                    config.put(k, v);
                }
            }
        }
        config.putIfAbsent("data-source", "jdbc/__default");
        kind = ADMIN.equals(config.get("kind")) ? ADMIN : VASP;
        Shared shared = SHARED.computeIfAbsent(Map.copyOf(config), Shared::of);
        accounts = shared.accounts();
        throttle = shared.throttle();
        verified = shared.verified();
        digest = shared.digest();
    }

    @Override
    public Class<?>[] getSupportedMessageTypes() {
        return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
    }

    @Override
    public AuthStatus validateRequest(MessageInfo messageInfo, Subject clientSubject, Subject serviceSubject)
            throws AuthException {
        HttpServletRequest request = (HttpServletRequest) messageInfo.getRequestMessage();
        HttpServletResponse response = (HttpServletResponse) messageInfo.getResponseMessage();
        boolean mandatory = Boolean.parseBoolean(String.valueOf(messageInfo.getMap().get(MANDATORY)));
        if (!onOwnListener(request)) {
            return refuse(response, HttpServletResponse.SC_NOT_FOUND);
        }
        try {
            return ADMIN.equals(kind) ? admin(messageInfo, clientSubject, request, response, mandatory)
                    : vasp(messageInfo, clientSubject, request, response, mandatory);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "login refused: the account database is not available", e);
            return refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } catch (IOException e) {
            throw (AuthException) new AuthException("cannot answer the request").initCause(e);
        }
    }

    /**
     * The admin side apart from the VASP side (WildFly: an Undertow server of their own): the console and admin API
     * answer only on the admin listeners, whose ports payara.sh names in the system properties mm7.admin.http-port
     * and mm7.admin.https-port, and the MM7 endpoint never there. Payara deploys both web modules of the EAR to the
     * same virtual server, so each listener reaches both; this is checked before any credentials are looked at.
     * Without those properties (a domain not set up by payara.sh) both share every listener.
     */
    private boolean onOwnListener(HttpServletRequest request) {
        Integer http = Integer.getInteger("mm7.admin.http-port");
        Integer https = Integer.getInteger("mm7.admin.https-port");
        if (http == null && https == null) {
            return true;
        }
        int port = request.getLocalPort();
        boolean adminListener = http != null && port == http || https != null && port == https;
        return adminListener == ADMIN.equals(kind);
    }

    // --- VASPs: BASIC, DIGEST, CLIENT_CERT ---

    private AuthStatus vasp(MessageInfo info, Subject subject, HttpServletRequest request, HttpServletResponse response,
            boolean mandatory) throws SQLException, IOException, AuthException {
        String authorization = request.getHeader("Authorization");
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        if (!mandatory && authorization == null) {
            return anonymous(subject); // the WSDL
        }
        long now = System.currentTimeMillis();
        String source = request.getRemoteAddr();
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = basic(authorization);
            if (credentials != null && vaspPassword(credentials[0], credentials[1].toCharArray(), request, source, now)) {
                return loggedIn(info, subject, credentials[0], VASP, "BASIC");
            }
        } else if (authorization != null && authorization.regionMatches(true, 0, "Digest ", 0, 7)) {
            HttpDigest.Response r = HttpDigest.parse(authorization);
            if (r != null && vaspDigest(r, request, source, now)) {
                return loggedIn(info, subject, r.username(), VASP, "DIGEST");
            }
            if (r != null && digest.expired(r.nonce(), now)) {
                return challenge(response, now, true);
            }
        } else if (authorization == null && chain != null && chain.length > 0) {
            Optional<VaspAccounts.Account> owner = accounts.byCertificateFingerprint(VaspAccounts.fingerprint(chain[0]));
            if (owner.isPresent() && request.isSecure()
                    && ClientNetworks.allow(owner.get().allowedClientNetworks(), source)) {
                return loggedIn(info, subject, owner.get().login(), VASP, "CLIENT_CERT");
            }
        }
        // the WSDL stays public even for a client that sends wrong credentials along
        return mandatory ? challenge(response, now, false) : anonymous(subject);
    }

    /**
     * The checks of WildFly's VaspRealm and FailedLoginListener for a password: TLS where the level requires it (not
     * counted), the allowed networks, a block of the login from this source (not counted), then the password.
     */
    private boolean vaspPassword(String login, char[] password, HttpServletRequest request, String source, long now)
            throws SQLException {
        Optional<VaspAccounts.Account> account = accounts.byLogin(login);
        if (account.isEmpty() || !passwordMayBeChecked(account.get(), request, source, now)) {
            return false;
        }
        boolean ok = account.get().bcryptHash() != null
                && verified.verify(login, account.get().bcryptHash(), password, now);
        record(VASP, login, source, now, ok);
        return ok;
    }

    private boolean vaspDigest(HttpDigest.Response r, HttpServletRequest request, String source, long now)
            throws SQLException {
        Optional<VaspAccounts.Account> account = accounts.byLogin(r.username());
        if (account.isEmpty() || !passwordMayBeChecked(account.get(), request, source, now)) {
            return false;
        }
        String ha1 = "SHA-256".equals(r.digestAlgorithm()) ? account.get().digestSha256() : account.get().digestMd5();
        if (ha1 == null) {
            return false; // the level does not allow Digest (or not MD5): nothing stored, nothing to count
        }
        String uri = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!digest.fresh(r.nonce(), now)) {
            return false; // a new challenge, not a wrong password
        }
        boolean ok = digest.verify(r, ha1, request.getMethod(), uri, now);
        record(VASP, r.username(), source, now, ok);
        return ok;
    }

    private boolean passwordMayBeChecked(VaspAccounts.Account account, HttpServletRequest request, String source,
            long now) throws SQLException {
        if (account.tlsRequired() && !request.isSecure()) {
            return false;
        }
        if (!ClientNetworks.allow(account.allowedClientNetworks(), source)) {
            throttle.failed(VASP, account.login(), source, now); // as WildFly's listener counts it
            return false;
        }
        return !account.lockedAt(now) && !throttle.blocked(VASP, account.login(), source, now);
    }

    private AuthStatus challenge(HttpServletResponse response, long now, boolean stale) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + VASP_REALM + "\"");
        for (String c : digest.challenges(now, stale)) {
            response.addHeader("WWW-Authenticate", c);
        }
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return AuthStatus.SEND_FAILURE;
    }

    // --- administrators: console form and API BASIC ---

    private AuthStatus admin(MessageInfo info, Subject subject, HttpServletRequest request, HttpServletResponse response,
            boolean mandatory) throws SQLException, IOException, AuthException {
        String context = request.getContextPath();
        if (request.getRequestURI().equals(context + "/j_security_check")) {
            return formLogin(info, subject, request, response);
        }
        HttpSession session = request.getSession(false);
        Object signedIn = session == null ? null : session.getAttribute(SESSION_LOGIN);
        if (signedIn instanceof String login) {
            return loggedIn(info, subject, login, ADMIN, "FORM");
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] credentials = basic(authorization);
            if (credentials != null && adminPassword(credentials[0], credentials[1].toCharArray(), request.getRemoteAddr())) {
                return loggedIn(info, subject, credentials[0], ADMIN, "BASIC");
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + ADMIN_REALM + "\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return AuthStatus.SEND_FAILURE;
        }
        if (!mandatory) {
            return anonymous(subject);
        }
        // a browser: to the login page, and back here after the login (pages only, never an API call or a postback)
        if ("GET".equals(request.getMethod()) && !request.getRequestURI().startsWith(context + "/api/")) {
            String query = request.getQueryString();
            request.getSession(true).setAttribute(SESSION_AFTER_LOGIN,
                    request.getRequestURI() + (query == null ? "" : "?" + query));
        }
        response.sendRedirect(context + "/login.xhtml");
        return AuthStatus.SEND_CONTINUE;
    }

    private AuthStatus formLogin(MessageInfo info, Subject subject, HttpServletRequest request,
            HttpServletResponse response) throws SQLException, IOException, AuthException {
        String context = request.getContextPath();
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding("UTF-8");
        }
        String login = "POST".equals(request.getMethod()) ? request.getParameter("j_username") : null;
        String password = login == null ? null : request.getParameter("j_password");
        if (login == null || password == null || !adminPassword(login, password.toCharArray(), request.getRemoteAddr())) {
            response.sendRedirect(context + "/login.xhtml?failed=true");
            return AuthStatus.SEND_CONTINUE;
        }
        HttpSession session = request.getSession(false);
        Object after = session == null ? null : session.getAttribute(SESSION_AFTER_LOGIN);
        if (session != null) {
            request.changeSessionId(); // a session id known before the login is worth nothing after it
        } else {
            session = request.getSession(true);
        }
        session.removeAttribute(SESSION_AFTER_LOGIN);
        session.setAttribute(SESSION_LOGIN, login);
        response.sendRedirect(after instanceof String target ? target : context + "/");
        return AuthStatus.SEND_CONTINUE;
    }

    /** WildFly's AdminRealm: an enabled account, the throttle per login and source (kind "admin"), bcrypt. */
    private boolean adminPassword(String login, char[] password, String source) throws SQLException {
        long now = System.currentTimeMillis();
        String hash;
        try (Connection c = accounts.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT password_hash FROM mm7_admin_account WHERE username = ? AND enabled = TRUE")) {
            s.setString(1, login);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return false;
                }
                hash = r.getString(1);
            }
        }
        if (hash == null || throttle.blocked(ADMIN, login, source, now)) {
            return false;
        }
        boolean ok = verified.verify(login, hash, password, now);
        record(ADMIN, login, source, now, ok);
        return ok;
    }

    // --- common ---

    private void record(String accountKind, String login, String source, long now, boolean ok) throws SQLException {
        if (ok) {
            throttle.succeeded(accountKind, login, source);
        } else {
            throttle.failed(accountKind, login, source, now);
        }
    }

    private static String[] basic(String authorization) {
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private AuthStatus loggedIn(MessageInfo info, Subject subject, String login, String group, String authType)
            throws AuthException {
        handle(new CallerPrincipalCallback(subject, login), new GroupPrincipalCallback(subject, new String[] {group}));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = info.getMap();
        map.put(AUTH_TYPE, authType);
        return AuthStatus.SUCCESS;
    }

    private AuthStatus anonymous(Subject subject) throws AuthException {
        handle(new CallerPrincipalCallback(subject, (java.security.Principal) null));
        return AuthStatus.SUCCESS;
    }

    private void handle(Callback... callbacks) throws AuthException {
        try {
            handler.handle(callbacks);
        } catch (Exception e) {
            throw (AuthException) new AuthException("the container refused the login").initCause(e);
        }
    }

    private static AuthStatus refuse(HttpServletResponse response, int status) throws AuthException {
        try {
            response.sendError(status);
        } catch (IOException e) {
            throw (AuthException) new AuthException("cannot answer the request").initCause(e);
        }
        return AuthStatus.SEND_FAILURE;
    }

    @Override
    public AuthStatus secureResponse(MessageInfo messageInfo, Subject serviceSubject) {
        return AuthStatus.SEND_SUCCESS;
    }

    @Override
    public void cleanSubject(MessageInfo messageInfo, Subject subject) {
        if (messageInfo.getRequestMessage() instanceof HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(SESSION_LOGIN);
            }
        }
        if (subject != null && !subject.isReadOnly()) {
            subject.getPrincipals().clear();
        }
    }
}
