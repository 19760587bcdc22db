/**
 * AWS mode: the run inside the ECS task (deploy.md, "The run inside the container").
 *
 * <p>{@link org.avpipeline.cloud.AwsRun#execute(java.util.Map, java.util.function.Function)} is the entry: it reads
 * {@link org.avpipeline.cloud.AwsSettings} from the environment, then runs the four steps: the API key from SSM
 * Parameter Store ({@link org.avpipeline.cloud.SsmApiKeySource}), the injected
 * {@link org.avpipeline.cloud.AwsPipeline} with the S3 raw store ({@link org.avpipeline.cloud.S3RawStore}), the
 * artifact upload ({@link org.avpipeline.cloud.S3ArtifactPublisher}) and the notification
 * ({@link org.avpipeline.cloud.SnsNotifier}).
 *
 * <p>Exit codes ({@link org.avpipeline.cloud.FailureKind}): 0 success (also when only the success notification
 * failed), 2 configuration error, 3 API key retrieval, 4 execution error, 5 artifact not found, 6 S3 upload error.
 */
package org.avpipeline.cloud;
