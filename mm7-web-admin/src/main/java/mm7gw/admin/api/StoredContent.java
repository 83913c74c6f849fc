package mm7gw.admin.api;

import jakarta.ws.rs.core.Response;

/**
 * Content a VASP stored (any Content-Type it chose, HTML and SVG included) as the admin API hands it back: always a
 * download that the browser neither renders in the admin's origin nor sniffs, and that runs in a sandbox with no
 * scripts if it is opened anyway. The Content-Type and bytes stay exactly as stored.
 */
final class StoredContent {
    static final String SANDBOX_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

    private StoredContent() {
    }

    static Response.ResponseBuilder download(byte[] body, String contentType, String fileName) {
        return Response.ok(body).header("Content-Type", contentType)
                .header("Content-Disposition", "attachment; filename=\"" + safeFileName(fileName) + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SANDBOX_POLICY)
                .header("Cache-Control", "private, no-store");
    }

    /** the name a browser saves the download under: letters, digits and {@code .-_} only */
    static String safeFileName(String name) {
        String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() ? "content.bin" : s;
    }
}
