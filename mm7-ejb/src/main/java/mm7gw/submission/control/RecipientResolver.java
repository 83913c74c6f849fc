package mm7gw.submission.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mm7gw.directory.control.Directory;
import mm7gw.directory.control.Resolution;
import mm7gw.kernel.Address;
import mm7gw.status.Mm7Rejection;
import mm7gw.status.StatusCode;
import mm7gw.submission.boundary.SubmitCommand.RecipientInput;
import mm7gw.submission.entity.RecipientList;

/**
 * Recipient resolution of TS 23.140 §8.7.1.2: every To/Cc/Bcc address (display-only ones aside) is
 * validated, normalised, de-duplicated and looked up in the subscriber directory. If none can be delivered
 * to, the request is refused: 2002 Address Error when some address was malformed or is not served here,
 * else 2003 Address Not Found (every address is served, but no such active MMS subscriber).
 */
@ApplicationScoped
public class RecipientResolver {
    @Inject
    Directory directory;

    /**
     * Reads the directory's entries for the recipients of several requests at once (a batch of submits), so that
     * resolving each of them then finds its recipients kept. Only requests with a few recipients take part (a longer
     * list is read when it is resolved, and keeps nothing); an address that does not parse is left to the resolution,
     * which refuses it.
     */
    public void prefetch(List<List<RecipientInput>> requests) {
        List<Address> addresses = new ArrayList<>();
        for (List<RecipientInput> inputs : requests) {
            if (inputs == null || inputs.size() > Directory.KEPT_LOOKUPS) {
                continue;
            }
            for (RecipientInput r : inputs) {
                if (!r.displayOnly()) {
                    try {
                        addresses.add(Address.parse(r.type(), r.value()));
                    } catch (Address.InvalidAddress refusedWhenResolved) {
                        // the submit's own resolution refuses it, with its reason
                    }
                }
            }
        }
        if (!addresses.isEmpty()) {
            directory.prefetch(addresses);
        }
    }

    public RecipientResolution resolve(List<RecipientInput> inputs) {
        RecipientList list = new RecipientList();
        List<String> refused = new ArrayList<>();
        boolean addressError = false;
        for (RecipientInput r : inputs) {
            if (r.displayOnly()) {
                continue;
            }
            try {
                list.add(Address.parse(r.type(), r.value()), r.kind(), r.value());
            } catch (Address.InvalidAddress e) {
                refused.add(e.getMessage());
                addressError = true;
            }
        }
        Map<Address, Resolution> resolved = directory.resolve(list.addresses());
        for (Address a : list.addresses()) {
            Resolution res = resolved.get(a);
            if (!res.deliverable()) {
                list.remove(a);
                refused.add(a.type() + " '" + a.value() + "': " + res.reason());
                addressError |= res.status() == StatusCode.ADDRESS_ERROR;
            }
        }
        if (list.size() == 0) {
            if (refused.isEmpty()) {
                throw new Mm7Rejection(StatusCode.ADDRESS_ERROR, "every recipient is display-only");
            }
            throw new Mm7Rejection(addressError ? StatusCode.ADDRESS_ERROR : StatusCode.ADDRESS_NOT_FOUND,
                    "no deliverable recipient: " + String.join("; ", refused));
        }
        return new RecipientResolution(list, refused);
    }
}
