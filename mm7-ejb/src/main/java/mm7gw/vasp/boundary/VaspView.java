package mm7gw.vasp.boundary;

import java.time.Instant;
import java.util.List;
import mm7gw.vasp.entity.Vasp;

/** What an admin sees of a VASP (never its password hash). */
public record VaspView(String vaspId, String name, String login, String status, boolean hasPassword,
        Instant createdAt, List<Service> services) {

    public record Service(String vasId, String name, boolean active) {
    }

    static VaspView of(Vasp v) {
        return new VaspView(v.vaspId(), v.name(), v.login(), v.status().name(), v.hasPassword(), v.createdAt(),
                v.services().stream().map(s -> new Service(s.vasId(), s.name(), s.isActive())).toList());
    }
}
