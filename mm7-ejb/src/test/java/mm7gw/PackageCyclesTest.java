package mm7gw;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The packages beneath {@code mm7gw} (the features such as submission, delivery, charging, relay, vasp, and the
 * shared ones such as kernel, status, system) depend on each other in one direction: a cycle between any two of
 * them, through any classes, fails the build. Read from the compiled classes, so references that no import names
 * (fully qualified names, classes of the same package name) count too.
 */
class PackageCyclesTest {
    /** this module's compiled classes (the build runs the test from the module's directory) */
    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void theClassesAreThere() {
        assertTrue(CLASSES.contain("mm7gw.submission.entity.MultimediaMessage"), "no compiled classes read");
        assertTrue(CLASSES.contain("mm7gw.kernel.VaspId"), "no compiled classes read");
    }

    @Test
    void packagesBeneathMm7gwAreFreeOfCycles() {
        slices().matching("mm7gw.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                // known, left for later: the admin password policy refuses the passwords the start-up check
                // knows (DefaultSecrets lives in bootstrap, which depends on admin for the first account)
                .ignoreDependency(named("mm7gw.admin.control.AdminPasswordPolicy"),
                        named("mm7gw.bootstrap.DefaultSecrets"))
                .check(CLASSES);
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> named(String name) {
        return describe(name, c -> c.getName().equals(name));
    }
}
