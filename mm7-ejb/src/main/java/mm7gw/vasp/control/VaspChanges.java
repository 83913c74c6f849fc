package mm7gw.vasp.control;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import mm7gw.elytron.VaspAccounts;
import mm7gw.system.Forgetting;

/**
 * Entity listener (META-INF/orm.xml) of VASPs, their services and service levels: a change made through this node
 * takes effect for the next request here, not only when the admission views and the accounts the realm keeps
 * expire. The realm is not part of the application (a server module on WildFly, the domain's lib on Payara), but the
 * application sees the same class of it ({@link VaspAccounts}: jboss-deployment-structure.xml, the domain's lib).
 * Both are forgotten together, with one synchronization per transaction however many of its entities change.
 */
public class VaspChanges {
    private static final Runnable FORGET_KEPT = () -> {
        VaspRegistry.forgetAdmissionViews();
        VaspAccounts.forgetKept();
    };

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        Forgetting.nowAndAfterTransaction(FORGET_KEPT);
    }
}
