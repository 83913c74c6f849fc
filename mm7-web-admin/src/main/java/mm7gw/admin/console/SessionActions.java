package mm7gw.admin.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

@Named
@RequestScoped
public class SessionActions {

    public void logout() throws IOException {
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        try {
            ((HttpServletRequest) ctx.getRequest()).logout();
        } catch (ServletException e) {
            // the session is invalidated below anyway
        }
        ctx.invalidateSession();
        ctx.redirect(ctx.getRequestContextPath() + "/index.xhtml");
    }
}
