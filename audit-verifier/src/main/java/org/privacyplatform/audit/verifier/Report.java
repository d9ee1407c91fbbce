package org.privacyplatform.audit.verifier;

import java.io.PrintStream;

/**
 * The verifier's output: one line per check, {@code ok   ...} or {@code FAIL ...}, warnings as {@code WARN ...},
 * then {@code valid} or {@code INVALID: <n> checks failed}.
 */
final class Report {

    private final PrintStream out;
    private int failed;
    private int passed;

    Report(PrintStream out) {
        this.out = out;
    }

    void ok(String what) {
        passed++;
        out.println("ok   " + what);
    }

    void fail(String what) {
        failed++;
        out.println("FAIL " + what);
    }

    /** Not a check: something the reader must know (it does not make the evidence invalid). */
    void warn(String what) {
        out.println("WARN " + what);
    }

    /** Records one check: {@code ok} with the first text when it holds, {@code FAIL} with the second when not. */
    boolean check(boolean holds, String ok, String fail) {
        if (holds) {
            ok(ok);
        } else {
            fail(fail);
        }
        return holds;
    }

    /** Reads one field; when it is missing or malformed, that is a failed check named after {@code label}. */
    <T> T read(String label, Field<T> field) {
        try {
            return field.read();
        } catch (Json.InputError e) {
            fail(label + ": " + e.getMessage());
            return null;
        }
    }

    @FunctionalInterface
    interface Field<T> {
        T read() throws Json.InputError;
    }

    int failed() {
        return failed;
    }

    int passed() {
        return passed;
    }

    /** Prints the verdict and returns the exit code: 0 valid, 1 invalid. */
    int finish() {
        if (failed == 0) {
            out.println("valid");
            return AuditVerifier.VALID;
        }
        out.println("INVALID: " + failed + (failed == 1 ? " check failed" : " checks failed"));
        return AuditVerifier.INVALID;
    }
}
