package mm7gw.elytron;

import java.lang.reflect.Method;

/**
 * The client address of the HTTP request being authenticated, as the servlet container sees it (the forwarded
 * address when the listener has proxy-address-forwarding). Elytron's realm and event APIs do not carry it, but
 * WildFly authenticates servlet requests on the thread that holds Undertow's current request context. Looked up
 * reflectively (module dependency io.undertow.servlet), so the realm still works, by {@link LoginThrottle#UNKNOWN_SOURCE},
 * where there is no such context.
 */
final class SourceAddress {
    private static final Method CURRENT;
    private static final Method SERVLET_REQUEST;

    static {
        Method current = null;
        Method request = null;
        try {
            Class<?> context = Class.forName("io.undertow.servlet.handlers.ServletRequestContext", false,
                    SourceAddress.class.getClassLoader());
            current = context.getMethod("current");
            request = context.getMethod("getServletRequest");
        } catch (ReflectiveOperationException | LinkageError e) {
            // not inside WildFly (unit tests): every source is unknown
        }
        CURRENT = current;
        SERVLET_REQUEST = request;
    }

    private SourceAddress() {
    }

    static String current() {
        if (CURRENT == null) {
            return LoginThrottle.UNKNOWN_SOURCE;
        }
        try {
            Object context = CURRENT.invoke(null);
            Object request = context == null ? null : SERVLET_REQUEST.invoke(context);
            if (request == null) {
                return LoginThrottle.UNKNOWN_SOURCE;
            }
            Object address = request.getClass().getMethod("getRemoteAddr").invoke(request);
            return address == null ? LoginThrottle.UNKNOWN_SOURCE : address.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return LoginThrottle.UNKNOWN_SOURCE;
        }
    }
}
