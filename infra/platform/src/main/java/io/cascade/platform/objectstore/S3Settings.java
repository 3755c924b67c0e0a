// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.objectstore;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * How to reach S3. With no endpoint, AWS itself; with no access key, the SDK's default
 * credential chain (environment, profile, IRSA on Kubernetes).
 */
public record S3Settings(Optional<URI> endpoint, String region, String bucket,
                         String accessKey, String secretKey, boolean pathStyle) {

    public ObjectStore open() {
        S3Configuration s3conf = S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build();
        var client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region))
                .credentialsProvider(credentials())
                .serviceConfiguration(s3conf);
        var presigner = S3Presigner.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials())
                .serviceConfiguration(s3conf);
        endpoint.ifPresent(e -> {
            client.endpointOverride(e);
            presigner.endpointOverride(e);
        });
        return new ObjectStore(client.build(), presigner.build(), bucket);
    }

    private AwsCredentialsProvider credentials() {
        if (accessKey == null || accessKey.isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }
}
