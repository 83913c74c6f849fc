package mm7gw.admin.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.directory.boundary.DirectoryAdministration;

/** The subscriber directory: served number ranges and mail domains, and subscribers with their state. */
@Named
@ViewScoped
public class DirectoryPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    DirectoryAdministration directory;

    private List<DirectoryAdministration.RangeView> ranges;
    private List<DirectoryAdministration.DomainView> domains;
    private List<DirectoryAdministration.SubscriberView> subscribers;
    private String newPrefix;
    private boolean newPrefixOpen = true;
    private String newDomain;
    private boolean newDomainOpen = true;
    private String subscriberAddress;
    private String subscriberState = "ACTIVE";
    private String subscriberConditions;

    @PostConstruct
    void load() {
        ranges = directory.ranges();
        domains = directory.domains();
        subscribers = directory.subscribers(0, 200);
    }

    public void addRange() {
        act(() -> directory.addRange(newPrefix, newPrefixOpen), "Number range added", newPrefix);
    }

    public void removeRange(String prefix) {
        act(() -> directory.removeRange(prefix), "Number range removed", prefix);
    }

    public void addDomain() {
        act(() -> directory.addDomain(newDomain, newDomainOpen), "Mail domain added", newDomain);
    }

    public void removeDomain(String domain) {
        act(() -> directory.removeDomain(domain), "Mail domain removed", domain);
    }

    /**
     * Saves the subscriber with its state and, when the field is filled in, the delivery conditions (DC values) its
     * terminal meets: "1, 2" sets them, "any" clears them (no known limit), blank leaves them as they are.
     */
    public void setSubscriber() {
        String conditions = subscriberConditions == null ? "" : subscriberConditions.strip();
        List<Integer> met;
        try {
            met = conditions.isEmpty() || conditions.equalsIgnoreCase("any") ? null
                    : Arrays.stream(conditions.split("[,\\s]+")).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            Messages.error("Subscriber not saved", "Terminal meets: DC values are positive integers separated by"
                    + " commas (e.g. 1, 2), or 'any' for no known limit; not '" + conditions + "'");
            return;
        }
        act(() -> directory.setSubscriber(subscriberAddress, subscriberState, met, !conditions.isEmpty()),
                "Subscriber saved", subscriberAddress + " is " + subscriberState);
    }

    /** The DC values a subscriber's terminal meets, as the table shows them. */
    public String conditions(DirectoryAdministration.SubscriberView s) {
        List<Integer> met = s.deliveryConditionsMet();
        return met == null ? "any" : met.isEmpty() ? "none"
                : met.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    public void removeSubscriber(String address) {
        act(() -> directory.removeSubscriber(address), "Subscriber removed", address);
    }

    private void act(Runnable change, String summary, String detail) {
        try {
            change.run();
            Messages.info(summary, detail);
            load();
        } catch (RequestRefused e) {
            Messages.error(summary.replace("added", "not added").replace("saved", "not saved")
                    .replace("removed", "not removed"), e.getMessage());
        }
    }

    public List<String> getStates() {
        return List.of("ACTIVE", "BARRED", "NOT_MMS_CAPABLE");
    }

    public List<DirectoryAdministration.RangeView> getRanges() {
        return ranges;
    }

    public List<DirectoryAdministration.DomainView> getDomains() {
        return domains;
    }

    public List<DirectoryAdministration.SubscriberView> getSubscribers() {
        return subscribers;
    }

    public String getNewPrefix() {
        return newPrefix;
    }

    public void setNewPrefix(String newPrefix) {
        this.newPrefix = newPrefix;
    }

    public boolean isNewPrefixOpen() {
        return newPrefixOpen;
    }

    public void setNewPrefixOpen(boolean newPrefixOpen) {
        this.newPrefixOpen = newPrefixOpen;
    }

    public String getNewDomain() {
        return newDomain;
    }

    public void setNewDomain(String newDomain) {
        this.newDomain = newDomain;
    }

    public boolean isNewDomainOpen() {
        return newDomainOpen;
    }

    public void setNewDomainOpen(boolean newDomainOpen) {
        this.newDomainOpen = newDomainOpen;
    }

    public String getSubscriberConditions() {
        return subscriberConditions;
    }

    public void setSubscriberConditions(String subscriberConditions) {
        this.subscriberConditions = subscriberConditions;
    }

    public String getSubscriberAddress() {
        return subscriberAddress;
    }

    public void setSubscriberAddress(String subscriberAddress) {
        this.subscriberAddress = subscriberAddress;
    }

    public String getSubscriberState() {
        return subscriberState;
    }

    public void setSubscriberState(String subscriberState) {
        this.subscriberState = subscriberState;
    }
}
