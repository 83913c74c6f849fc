package mm7gw.elytron;

import java.lang.reflect.Method;

/**
 * The HTTP request being authenticated, as the servlet container sees it: its client address (the forwarded
 * address when the listener has proxy-address-forwarding) and whether it arrived over TLS (or, behind a proxy that
 * ends TLS, was forwarded as https). Elytron's realm and event APIs carry neither, but WildFly authenticates servlet
 * requests on the thread that holds Undertow's current request context. Looked up reflectively (module dependency
 * io.undertow.servlet), so the realm still works where there is no such context: the source is then
 * {@link LoginThrottle#UNKNOWN_SOURCE} and the request counts as not secure.
 */
final class CurrentRequest {
    private static final Method CURRENT;
    private static final Method SERVLET_REQUEST;

    static {
        Method current = null;
        Method request = null;
        try {
            Class<?> context = Class.forName("io.undertow.servlet.handlers.ServletRequestContext", false,
                    CurrentRequest.class.getClassLoader());
            current = context.getMethod("current");
            request = context.getMethod("getServletRequest");
        } catch (ReflectiveOperationException | LinkageError e) {
            // not inside WildFly (unit tests): every source is unknown
        }
        CURRENT = current;
        SERVLET_REQUEST = request;
    }

    private CurrentRequest() {
    }

    static String sourceAddress() {
        Object address = call("getRemoteAddr");
        return address == null ? LoginThrottle.UNKNOWN_SOURCE : address.toString();
    }

    /** Whether the request came over TLS; false where that cannot be known. */
    static boolean secure() {
        return Boolean.TRUE.equals(call("isSecure"));
    }

    private static Object call(String method) {
        if (CURRENT == null) {
            return null;
        }
        try {
            Object context = CURRENT.invoke(null);
            Object request = context == null ? null : SERVLET_REQUEST.invoke(context);
            return request == null ? null : request.getClass().getMethod(method).invoke(request);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
