package org.avpipeline.cloud;

import java.util.List;
import java.util.Optional;

/** Every missing or invalid environment variable of the AWS run, reported together before any work. */
public final class InvalidSettingsException extends Exception {
    private final List<String> problems;
    private final transient Optional<AwsSettings.NotificationTarget> notificationTarget;

    public InvalidSettingsException(List<String> problems, Optional<AwsSettings.NotificationTarget> target) {
        super("invalid AWS run configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.notificationTarget = target;
    }

    /** One line per problem, each naming its variable. */
    public List<String> problems() {
        return problems;
    }

    /** Where to notify the failure, when the topic ARN (and the SNS endpoint) could be read. */
    public Optional<AwsSettings.NotificationTarget> notificationTarget() {
        return notificationTarget;
    }
}
