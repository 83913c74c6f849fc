package mm7gw.admin.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Feedback shown to the admin in the page's message area. */
final class Messages {
    private Messages() {
    }

    static void info(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
    }

    static void error(String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
        FacesContext.getCurrentInstance().validationFailed();
    }
}
