package mm7gw.admin.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
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

    public void setSubscriber() {
        act(() -> directory.setSubscriber(subscriberAddress, subscriberState), "Subscriber saved",
                subscriberAddress + " is " + subscriberState);
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
