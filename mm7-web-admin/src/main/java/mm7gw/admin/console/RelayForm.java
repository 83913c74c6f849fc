package mm7gw.admin.console;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import mm7gw.relay.boundary.RelayEndpointRequest;
import mm7gw.relay.boundary.RelayEndpointView;
import mm7gw.wire.Mm7Release;

/**
 * A VASP's relay settings as the console form holds them. The outbound password is write-only: the form never
 * holds the stored one, and leaving the field empty keeps it.
 */
public class RelayForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private boolean configured;
    private String url;
    private String release = Mm7Release.CANONICAL.toString();
    private String login;
    private String password;
    private boolean passwordSet;
    private String outboundAuth = "BASIC";
    private Integer timeoutMillis = 10_000;
    private boolean emptyResponseIsAck;
    private boolean plainHttpCredentialsAllowed;
    private boolean clientCertificate;
    private String gatewayCertificate;
    private String gatewayCertificateProblem;
    private String shortCodes;
    private String trustedCertificatesPem;
    private String reportSender;
    private String reportSenderType = "SHORT_CODE";
    private List<String> trustedSubjects = List.of();
    private Instant updatedAt;

    static RelayForm empty() {
        return new RelayForm();
    }

    static RelayForm of(RelayEndpointView v) {
        RelayForm f = new RelayForm();
        f.configured = true;
        f.url = v.url();
        f.release = v.mm7Release();
        f.login = v.login();
        f.passwordSet = v.passwordSet();
        f.outboundAuth = v.outboundAuth();
        f.timeoutMillis = v.timeoutMillis();
        f.emptyResponseIsAck = v.emptyResponseIsAck();
        f.plainHttpCredentialsAllowed = v.plainHttpCredentialsAllowed();
        f.clientCertificate = v.clientCertificate();
        f.gatewayCertificate = v.gatewayCertificate();
        f.gatewayCertificateProblem = v.gatewayCertificateProblem();
        f.shortCodes = String.join(", ", v.shortCodes());
        f.trustedCertificatesPem = v.trustedCertificatesPem();
        f.trustedSubjects = v.trustedCertificates();
        f.reportSender = v.reportSender();
        f.reportSenderType = v.reportSenderType() == null ? "SHORT_CODE" : v.reportSenderType();
        f.updatedAt = v.updatedAt();
        return f;
    }

    RelayEndpointRequest toRequest() {
        List<String> codes = shortCodes == null ? List.of()
                : Arrays.stream(shortCodes.split("[,\\s]+")).filter(c -> !c.isBlank()).toList();
        return new RelayEndpointRequest(url, release, login, password == null || password.isEmpty() ? null : password,
                timeoutMillis, emptyResponseIsAck, codes, trustedCertificatesPem, reportSender, reportSenderType,
                outboundAuth, plainHttpCredentialsAllowed, clientCertificate);
    }

    public String getOutboundAuth() {
        return outboundAuth;
    }

    public void setOutboundAuth(String outboundAuth) {
        this.outboundAuth = outboundAuth;
    }

    public String getReportSender() {
        return reportSender;
    }

    public void setReportSender(String reportSender) {
        this.reportSender = reportSender;
    }

    public String getReportSenderType() {
        return reportSenderType;
    }

    public void setReportSenderType(String reportSenderType) {
        this.reportSenderType = reportSenderType;
    }

    public List<String> getReleases() {
        return Mm7Release.names();
    }

    public boolean isConfigured() {
        return configured;
    }

    public boolean isPasswordSet() {
        return passwordSet;
    }

    public List<String> getTrustedSubjects() {
        return trustedSubjects;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getRelease() {
        return release;
    }

    public void setRelease(String release) {
        this.release = release;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Integer getTimeoutMillis() {
        return timeoutMillis;
    }

    public void setTimeoutMillis(Integer timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public boolean isEmptyResponseIsAck() {
        return emptyResponseIsAck;
    }

    public void setEmptyResponseIsAck(boolean emptyResponseIsAck) {
        this.emptyResponseIsAck = emptyResponseIsAck;
    }

    public boolean isPlainHttpCredentialsAllowed() {
        return plainHttpCredentialsAllowed;
    }

    public void setPlainHttpCredentialsAllowed(boolean plainHttpCredentialsAllowed) {
        this.plainHttpCredentialsAllowed = plainHttpCredentialsAllowed;
    }

    public boolean isClientCertificate() {
        return clientCertificate;
    }

    public void setClientCertificate(boolean clientCertificate) {
        this.clientCertificate = clientCertificate;
    }

    /** the certificate the gateway presents (subject, issuer, end of validity); null: it has none */
    public String getGatewayCertificate() {
        return gatewayCertificate;
    }

    /** why the gateway has no client certificate to present; null: it has one (or the form is not saved yet) */
    public String getGatewayCertificateProblem() {
        return gatewayCertificateProblem;
    }

    public String getShortCodes() {
        return shortCodes;
    }

    public void setShortCodes(String shortCodes) {
        this.shortCodes = shortCodes;
    }

    public String getTrustedCertificatesPem() {
        return trustedCertificatesPem;
    }

    public void setTrustedCertificatesPem(String trustedCertificatesPem) {
        this.trustedCertificatesPem = trustedCertificatesPem;
    }
}
