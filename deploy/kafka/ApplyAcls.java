import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.tools.AclCommand;

/**
 * Applies the ACL file (deploy/kafka/acls) with Kafka's own AclCommand, one call per line, in one JVM: a
 * JVM per line would cost about two seconds each on a small machine. AclCommand exits with status 1 on
 * the first error.
 *
 * Usage: java -cp 'KAFKA_LIBS/*' ApplyAcls.java ACL_FILE --add|--remove BOOTSTRAP_SERVER ADMIN_CLIENT_CONFIG
 */
public class ApplyAcls {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String action = args[1];
        for (String line : Files.readAllLines(file)) {
            String acl = line.strip();
            if (acl.isEmpty() || acl.startsWith("#")) {
                continue;
            }
            List<String> call = new ArrayList<>(List.of("--bootstrap-server", args[2], "--command-config", args[3],
                    action, "--force"));
            call.addAll(Arrays.asList(acl.split("\\s+")));
            AclCommand.main(call.toArray(String[]::new));
        }
    }
}
