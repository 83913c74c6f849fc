package mm7gw.admin.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mm7gw.vasp.boundary.ServiceLevelView;

/** The editable fields of a service level as the console form holds them; lists are typed comma-separated. */
public class ServiceLevelForm implements Serializable {
    private static final long serialVersionUID = 1L;

    private List<String> allowedOperations;
    private List<String> authMechanisms;
    private Long maxMessageSize;
    private Integer maxRecipients;
    private String allowedSenders;
    private List<String> allowedPriorities;
    private List<String> allowedChargedParties;
    private String maxExpiry;
    private boolean deliveryReportAllowed;
    private boolean readReplyAllowed;
    private boolean tlsRequired;
    private String allowedClientNetworks;
    private Integer maxSubmissionsPerSecond;
    private Integer maxRecipientsPerSecond;
    private boolean vasIdOptional;
    private boolean digestMd5Allowed;

    static ServiceLevelForm of(ServiceLevelView v) {
        ServiceLevelForm f = new ServiceLevelForm();
        f.allowedOperations = ticked(v.allowedOperations());
        f.authMechanisms = ticked(v.authMechanisms());
        f.maxMessageSize = v.maxMessageSize();
        f.maxRecipients = v.maxRecipients();
        f.allowedSenders = joined(v.allowedSenders());
        f.allowedPriorities = ticked(v.allowedPriorities());
        f.allowedChargedParties = ticked(v.allowedChargedParties());
        f.maxExpiry = v.maxExpiry();
        f.deliveryReportAllowed = Boolean.TRUE.equals(v.deliveryReportAllowed());
        f.readReplyAllowed = Boolean.TRUE.equals(v.readReplyAllowed());
        f.tlsRequired = Boolean.TRUE.equals(v.tlsRequired());
        f.allowedClientNetworks = joined(v.allowedClientNetworks());
        f.maxSubmissionsPerSecond = v.maxSubmissionsPerSecond();
        f.maxRecipientsPerSecond = v.maxRecipientsPerSecond();
        f.vasIdOptional = Boolean.TRUE.equals(v.vasIdOptional());
        f.digestMd5Allowed = Boolean.TRUE.equals(v.digestMd5Allowed());
        return f;
    }

    ServiceLevelView toView() {
        return new ServiceLevelView(null, allowedOperations, authMechanisms, maxMessageSize, maxRecipients,
                split(allowedSenders), anyWhenEmpty(allowedPriorities), anyWhenEmpty(allowedChargedParties),
                maxExpiry == null || maxExpiry.isBlank() ? null : maxExpiry.trim(), deliveryReportAllowed,
                readReplyAllowed, tlsRequired, split(allowedClientNetworks), maxSubmissionsPerSecond,
                maxRecipientsPerSecond, vasIdOptional, digestMd5Allowed);
    }

    /**
     * The boxes ticked, in a list of the form's own: JSF (Mojarra) makes a new instance of the value's class for the
     * values posted back, which fails for the unmodifiable lists the views carry (a SEVERE entry with a stack trace).
     */
    private static List<String> ticked(List<String> values) {
        return values == null ? null : new ArrayList<>(values);
    }

    /** null when the list is absent (no restriction), as the service level reads it */
    private static String joined(List<String> values) {
        return values == null ? null : String.join(", ", values);
    }

    /** For priorities and charged parties no box ticked means no restriction, as an empty text field does. */
    private static List<String> anyWhenEmpty(List<String> ticked) {
        return ticked == null || ticked.isEmpty() ? null : ticked;
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? null
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public List<String> getAllowedOperations() {
        return allowedOperations;
    }

    public void setAllowedOperations(List<String> v) {
        allowedOperations = v;
    }

    public List<String> getAuthMechanisms() {
        return authMechanisms;
    }

    public void setAuthMechanisms(List<String> v) {
        authMechanisms = v;
    }

    public Long getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(Long v) {
        maxMessageSize = v;
    }

    public Integer getMaxRecipients() {
        return maxRecipients;
    }

    public void setMaxRecipients(Integer v) {
        maxRecipients = v;
    }

    public String getAllowedSenders() {
        return allowedSenders;
    }

    public void setAllowedSenders(String v) {
        allowedSenders = v;
    }

    public List<String> getAllowedPriorities() {
        return allowedPriorities;
    }

    public void setAllowedPriorities(List<String> v) {
        allowedPriorities = v;
    }

    public List<String> getAllowedChargedParties() {
        return allowedChargedParties;
    }

    public void setAllowedChargedParties(List<String> v) {
        allowedChargedParties = v;
    }

    public String getMaxExpiry() {
        return maxExpiry;
    }

    public void setMaxExpiry(String v) {
        maxExpiry = v;
    }

    public boolean isDeliveryReportAllowed() {
        return deliveryReportAllowed;
    }

    public void setDeliveryReportAllowed(boolean v) {
        deliveryReportAllowed = v;
    }

    public boolean isReadReplyAllowed() {
        return readReplyAllowed;
    }

    public void setReadReplyAllowed(boolean v) {
        readReplyAllowed = v;
    }

    public boolean isTlsRequired() {
        return tlsRequired;
    }

    public void setTlsRequired(boolean v) {
        tlsRequired = v;
    }

    public String getAllowedClientNetworks() {
        return allowedClientNetworks;
    }

    public void setAllowedClientNetworks(String v) {
        allowedClientNetworks = v;
    }

    public Integer getMaxSubmissionsPerSecond() {
        return maxSubmissionsPerSecond;
    }

    public void setMaxSubmissionsPerSecond(Integer v) {
        maxSubmissionsPerSecond = v;
    }

    public Integer getMaxRecipientsPerSecond() {
        return maxRecipientsPerSecond;
    }

    public void setMaxRecipientsPerSecond(Integer v) {
        maxRecipientsPerSecond = v;
    }

    public boolean isVasIdOptional() {
        return vasIdOptional;
    }

    public void setVasIdOptional(boolean v) {
        vasIdOptional = v;
    }

    public boolean isDigestMd5Allowed() {
        return digestMd5Allowed;
    }

    public void setDigestMd5Allowed(boolean v) {
        digestMd5Allowed = v;
    }
}
