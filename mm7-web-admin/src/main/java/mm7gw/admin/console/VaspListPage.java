package mm7gw.admin.console;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import mm7gw.admin.boundary.RequestRefused;
import mm7gw.vasp.boundary.NewVasp;
import mm7gw.vasp.boundary.VaspAdministration;
import mm7gw.vasp.boundary.VaspView;

/** The VASP list: search, and registration of a new VASP whose generated password is shown once. */
@Named
@ViewScoped
public class VaspListPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    VaspAdministration administration;

    private String query;
    private List<VaspView> vasps;

    private String newVaspId;
    private String newName;
    private String newLogin;
    private String newVasIds;
    private String issuedPassword;
    private String issuedFor;

    @PostConstruct
    void load() {
        search();
    }

    public void search() {
        vasps = administration.search(query);
    }

    public void register() {
        String password = Passwords.generate();
        List<String> vasIds = newVasIds == null || newVasIds.isBlank() ? List.of()
                : Arrays.stream(newVasIds.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        try {
            VaspView created = administration.register(new NewVasp(newVaspId, newName, newLogin, password, vasIds));
            issuedPassword = password;
            issuedFor = created.login();
            Messages.info("VASP registered", created.vaspId() + " can now connect as " + created.login());
            newVaspId = newName = newLogin = newVasIds = null;
            search();
        } catch (RequestRefused e) {
            Messages.error("Not registered", e.getMessage());
        }
    }

    /** The password is shown once; leaving the dialog forgets it. */
    public void forgetPassword() {
        issuedPassword = null;
        issuedFor = null;
    }

    /** What the empty table says: nothing registered yet, or nothing matching the search. */
    public String getEmptyMessage() {
        return query == null || query.isBlank() ? "No VASP yet. Register the first one with “New VASP”."
                : "No VASP matches “" + query.trim() + "”. Search for part of a VASP ID, name or login, or clear the search.";
    }

    public List<VaspView> getVasps() {
        return vasps;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getNewVaspId() {
        return newVaspId;
    }

    public void setNewVaspId(String newVaspId) {
        this.newVaspId = newVaspId;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewLogin() {
        return newLogin;
    }

    public void setNewLogin(String newLogin) {
        this.newLogin = newLogin;
    }

    public String getNewVasIds() {
        return newVasIds;
    }

    public void setNewVasIds(String newVasIds) {
        this.newVasIds = newVasIds;
    }

    public String getIssuedPassword() {
        return issuedPassword;
    }

    public String getIssuedFor() {
        return issuedFor;
    }
}
