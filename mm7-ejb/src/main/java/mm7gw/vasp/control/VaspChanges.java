package mm7gw.vasp.control;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Entity listener (META-INF/orm.xml) of VASPs, their services and service levels: a change made through this node
 * takes effect for the next request here, not only when the admission views expire.
 */
public class VaspChanges {
    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        VaspRegistry.forgetAdmissionViews();
    }
}
