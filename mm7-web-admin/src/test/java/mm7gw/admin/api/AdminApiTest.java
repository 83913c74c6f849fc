package mm7gw.admin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.nio.file.Files;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** AdminApi lists its classes (no scanning, see there): every resource and provider of the package is among them. */
class AdminApiTest {

    @Test
    void listsEveryResourceAndProviderOfThePackage() throws Exception {
        var dir = java.nio.file.Path.of(AdminApi.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(AdminApi.class.getPackageName().replace('.', '/'));
        Set<Class<?>> annotated;
        try (var files = Files.list(dir)) {
            annotated = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> load(AdminApi.class.getPackageName() + "." + n.substring(0, n.length() - ".class".length())))
                    .filter(c -> c.isAnnotationPresent(Path.class) || c.isAnnotationPresent(Provider.class))
                    .collect(Collectors.toSet());
        }
        assertTrue(annotated.contains(VaspsResource.class), "found the classes in " + dir);
        assertEquals(annotated, new AdminApi().getClasses());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, AdminApiTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
