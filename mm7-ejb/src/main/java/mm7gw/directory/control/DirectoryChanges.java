package mm7gw.directory.control;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import mm7gw.system.Forgetting;

/**
 * Entity listener (META-INF/orm.xml) of served number ranges, mail domains and subscribers: a change made through
 * this node takes effect for the next resolution here, not only when the kept areas and subscribers expire.
 */
public class DirectoryChanges {
    private static final Runnable FORGET_KEPT = Directory::forgetKept;

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        Forgetting.nowAndAfterTransaction(FORGET_KEPT);
    }
}
