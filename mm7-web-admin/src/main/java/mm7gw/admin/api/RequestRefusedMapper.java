package mm7gw.admin.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import mm7gw.admin.boundary.RequestRefused;

/** Admin-readable errors: 400 invalid, 404 not found, 409 conflict, 429 too many wrong passwords, with the reason as JSON. */
@Provider
public class RequestRefusedMapper implements ExceptionMapper<RequestRefused> {
    @Override
    public Response toResponse(RequestRefused e) {
        int status = switch (e.reason()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_MANY_ATTEMPTS -> 429;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", e.getMessage())).build();
    }
}
