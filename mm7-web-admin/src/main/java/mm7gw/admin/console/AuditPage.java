package mm7gw.admin.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import mm7gw.admin.boundary.AdminAuditLog;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit log of admin changes, paged by the database. */
@Named
@ViewScoped
public class AuditPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    AdminAuditLog log;

    private final LazyDataModel<AdminAuditLog.Entry> entries = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) log.count();
        }

        @Override
        public List<AdminAuditLog.Entry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            return log.page(first, pageSize);
        }

        @Override
        public String getRowKey(AdminAuditLog.Entry e) {
            return String.valueOf(e.id());
        }
    };

    public LazyDataModel<AdminAuditLog.Entry> getEntries() {
        return entries;
    }
}
