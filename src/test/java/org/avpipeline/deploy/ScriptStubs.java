package org.avpipeline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A PATH for running the deployment scripts without AWS: the few system tools they use, plus, on request,
 * stand-ins for {@code aws}, {@code docker} and {@code terraform} that append each call to
 * {@code $STUB_DIR/calls.log} and answer with fixed values (account 123456789012, subnet-0stub, ...). A value
 * given to {@code aws ssm put-parameter --value file://F} is copied to {@code $STUB_DIR/stored-parameter-value}.
 */
final class ScriptStubs {
    private static final List<String> SYSTEM_TOOLS =
            List.of("dirname", "basename", "tr", "cat", "cp", "date", "mktemp", "rm");

    private static final String STUB = """
            #!/bin/bash
            # Stand-in for aws, docker and terraform in DeploymentFilesTest.
            name="${0##*/}"
            printf '%s\\n' "$name $*" >>"$STUB_DIR/calls.log"
            case "$name" in
              aws)
                case "$1 $2" in
                  "sts get-caller-identity") [[ -z "${STUB_NO_CREDENTIALS:-}" ]] || exit 255; echo 123456789012 ;;
                  "ssm get-parameter") echo "ParameterNotFound" >&2; exit 254 ;;
                  "ssm put-parameter")
                    while (($#)); do
                      if [[ "$1" == --value ]]; then cp "${2#file://}" "$STUB_DIR/stored-parameter-value"; fi
                      shift
                    done ;;
                  "ecr get-login-password") echo stub-token ;;
                  "ec2 describe-subnets") echo subnet-0stub ;;
                  "ecs run-task") echo arn:aws:ecs:us-east-1:123456789012:task/avpipeline-cluster/0123abcd ;;
                esac ;;
              docker)
                [[ "$1" != login ]] || cat >/dev/null ;;
              terraform)
                if [[ "$2" == output ]]; then
                  case "$4" in
                    ecr_repository_url) echo 123456789012.dkr.ecr.us-east-1.amazonaws.com/avpipeline ;;
                    s3_bucket_name) echo avpipeline-artifacts-prod ;;
                    sns_topic_arn) echo arn:aws:sns:us-east-1:123456789012:avpipeline-notifications ;;
                    ecs_cluster_name) echo avpipeline-cluster ;;
                    cloudwatch_log_group) echo /ecs/avpipeline ;;
                    eventbridge_rule_name) echo avpipeline-schedule ;;
                    ecs_task_definition_arn) echo avpipeline ;;
                    *) exit 1 ;;
                  esac
                fi ;;
            esac
            exit 0
            """;

    private ScriptStubs() {}

    static Path minimalBin(Path bin) throws IOException {
        Files.createDirectories(bin);
        for (String tool : SYSTEM_TOOLS) {
            Files.createSymbolicLink(bin.resolve(tool), which(tool));
        }
        return bin;
    }

    static void install(Path bin, String... commands) throws IOException {
        Path stub = bin.getParent().resolve("stub.sh");
        if (!Files.exists(stub)) {
            Files.writeString(stub, STUB);
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (String command : commands) {
            Files.createSymbolicLink(bin.resolve(command), stub);
        }
    }

    static String bash() {
        return which("bash").toString();
    }

    private static Path which(String program) {
        for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new UncheckedIOException(new IOException(program + " is not on the PATH"));
    }
}
