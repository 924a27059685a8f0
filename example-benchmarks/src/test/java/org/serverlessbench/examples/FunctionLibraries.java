package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks that the interpreter the embedded runtimes start ({@code python3} on the PATH Surefire gives them) can
 * import a function's library. Missing: the test is skipped with the install command, or fails when {@code CI=true}.
 */
public final class FunctionLibraries {

    private FunctionLibraries() {
    }

    /** @param debianPackage the apt package that installs {@code module}, e.g. {@code python3-pil} for PIL */
    public static void assumePython(String module, String debianPackage) {
        String problem = pythonImportProblem(module);
        if (problem == null) {
            return;
        }
        String message = "The Python function needs the library '" + module + "', but " + problem
                + "; install it with: apt-get install -y " + debianPackage
                + " (the tests run Debian's /usr/bin/python3 first on the PATH, see -Dfunctions.path)";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " [CI=true: a missing library fails the build]");
        }
        Assumptions.abort(message);
    }

    /** Skips (or, with {@code CI=true}, fails) unless {@code program} runs; {@code debianPackage} installs it. */
    public static void assumeProgram(String program, String debianPackage) {
        String problem;
        try {
            Process process = new ProcessBuilder(program, "-version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            problem = process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0 ? null
                    : program + " -version failed";
        } catch (IOException e) {
            problem = program + " could not be started: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while checking " + program;
        }
        if (problem == null) {
            return;
        }
        String message = "The function needs the program '" + program + "', but " + problem
                + "; install it with: apt-get install -y " + debianPackage;
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " [CI=true: a missing program fails the build]");
        }
        Assumptions.abort(message);
    }

    private static String pythonImportProblem(String module) {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import " + module)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "python3 -c 'import " + module + "' did not finish within 60 s";
            }
            return process.exitValue() == 0 ? null : "python3 cannot import it: " + output;
        } catch (IOException e) {
            return "python3 could not be started: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while checking python3";
        }
    }
}
