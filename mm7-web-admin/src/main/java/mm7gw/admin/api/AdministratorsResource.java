package mm7gw.admin.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mm7gw.admin.boundary.AdminAccounts;
import mm7gw.admin.web.OwnPasswords;

/**
 * Administrator accounts: {@code POST /api/administrators} adds one, {@code PUT /api/administrators/self/password}
 * changes the caller's own password (the current one required; a wrong one counts as a failed login, 429 while the
 * login is blocked; the caller's other console sessions are signed out, see {@link OwnPasswords}).
 */
@RequestScoped
@Path("administrators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdministratorsResource {
    @Inject
    AdminAccounts accounts;

    @Inject
    OwnPasswords ownPassword;

    @Context
    HttpServletRequest request;

    public record NewAdministrator(String username, String password) {
    }

    public record OwnPasswordChange(String currentPassword, String newPassword) {
    }

    @POST
    public Response create(NewAdministrator request) {
        accounts.create(request == null ? null : request.username(), request == null ? null : request.password());
        return Response.status(Response.Status.CREATED).build();
    }

    @PUT
    @Path("self/password")
    public Response changeOwnPassword(OwnPasswordChange change) {
        ownPassword.change(request, change == null ? null : change.currentPassword(),
                change == null ? null : change.newPassword());
        return Response.noContent().build();
    }
}
