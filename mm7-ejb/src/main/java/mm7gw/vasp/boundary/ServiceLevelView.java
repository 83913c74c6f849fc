package mm7gw.vasp.boundary;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.kernel.ChargedParty;
import mm7gw.kernel.Priority;
import mm7gw.vasp.entity.AuthMechanism;
import mm7gw.vasp.entity.Operation;
import mm7gw.vasp.entity.ServiceLevel;

/**
 * A service level as admins read and write it (JSON). Written as a whole: a missing limit or list means
 * "no restriction", missing booleans take their defaults (reports allowed, TLS not required, VASID required of a VASP with services); allowedOperations
 * and authMechanisms must be given. {@code appliesTo} is only informative ("VASP" or "VAS x").
 */
public record ServiceLevelView(String appliesTo, List<String> allowedOperations, List<String> authMechanisms,
        Long maxMessageSize, Integer maxRecipients, List<String> allowedSenders, List<String> allowedPriorities,
        List<String> allowedChargedParties, String maxExpiry, Boolean deliveryReportAllowed,
        Boolean readReplyAllowed, Boolean tlsRequired, List<String> allowedClientNetworks,
        Integer maxSubmissionsPerSecond, Integer maxRecipientsPerSecond, Boolean vasIdOptional,
        Boolean digestMd5Allowed) {

    static ServiceLevelView of(ServiceLevel level) {
        ServiceLevel.Terms t = level.terms();
        return new ServiceLevelView(level.isVaspWide() ? "VASP" : "VAS " + level.vasId(), names(t.allowedOperations()),
                names(t.authMechanisms()), t.maxMessageSize(), t.maxRecipients(), t.allowedSenders(),
                names(t.allowedPriorities()), names(t.allowedChargedParties()),
                t.maxExpiry() == null ? null : t.maxExpiry().toString(), t.deliveryReportAllowed(),
                t.readReplyAllowed(), t.tlsRequired(), t.allowedClientNetworks(), t.maxSubmissionsPerSecond(),
                t.maxRecipientsPerSecond(), t.vasIdOptional(), t.digestMd5Allowed());
    }

    /** @throws RequestRefused (400) naming the field that is wrong */
    ServiceLevel.Terms toTerms() {
        if (allowedOperations == null) {
            throw RequestRefused.invalid("allowedOperations is required (a list of SUBMIT, CANCEL, REPLACE; may be empty)");
        }
        if (authMechanisms == null) {
            throw RequestRefused.invalid("authMechanisms is required (a list of BASIC, DIGEST, CLIENT_CERT)");
        }
        Duration expiry = null;
        if (maxExpiry != null) {
            try {
                expiry = Duration.parse(maxExpiry.trim());
            } catch (DateTimeParseException e) {
                throw RequestRefused.invalid("maxExpiry '" + maxExpiry + "' is not an ISO-8601 duration such as P7D or PT12H");
            }
        }
        try {
            return new ServiceLevel.Terms(enums("allowedOperations", allowedOperations, Operation.class),
                    enums("authMechanisms", authMechanisms, AuthMechanism.class), maxMessageSize, maxRecipients,
                    allowedSenders, enums("allowedPriorities", allowedPriorities, Priority.class),
                    enums("allowedChargedParties", allowedChargedParties, ChargedParty.class), expiry,
                    deliveryReportAllowed == null || deliveryReportAllowed, readReplyAllowed == null || readReplyAllowed,
                    tlsRequired == null || tlsRequired, allowedClientNetworks, maxSubmissionsPerSecond,
                    maxRecipientsPerSecond, vasIdOptional != null && vasIdOptional,
                    digestMd5Allowed != null && digestMd5Allowed).validate();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw RequestRefused.invalid(e.getMessage() == null ? "a list contains null" : e.getMessage());
        }
    }

    private static <E extends Enum<E>> Set<E> enums(String field, List<String> values, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        if (values == null) {
            return set;
        }
        for (String v : values) {
            try {
                set.add(Enum.valueOf(type, v.trim().toUpperCase().replace('-', '_')));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw RequestRefused.invalid(field + ": '" + v + "' is not one of " + EnumSet.allOf(type));
            }
        }
        return set;
    }

    private static List<String> names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toList();
    }
}
