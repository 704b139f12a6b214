package com.webexqoe.common.s3;

import com.webexqoe.common.aws.PrimingGuard;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The bucket the dashboard is served from: objects written with their content type and cache policy. */
public final class ObjectStore {

    /** What a HEAD tells about an object: its type and the user metadata it was written with. */
    public record ObjectInfo(String contentType, long length, Map<String, String> metadata) {
    }

    private final S3Client client;
    private final String bucket;

    public ObjectStore(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    public void put(String key, byte[] body, String contentType, String cacheControl) {
        put(key, body, contentType, cacheControl, Map.of());
    }

    /** Puts one object; {@code metadata} becomes its {@code x-amz-meta-*} headers. */
    public void put(String key, byte[] body, String contentType, String cacheControl, Map<String, String> metadata) {
        try {
            named(() -> client.putObject(request -> request.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl)
                            .metadata(metadata),
                    RequestBody.fromBytes(body)));
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new com.webexqoe.common.WebexdevException("S3 bucket " + bucket + ": writing " + key + " failed with HTTP "
                    + e.statusCode() + (code == null || code.isBlank() ? "" : " (" + code + ")"), e);
        }
    }

    public void putText(String key, String body, String contentType, String cacheControl) {
        put(key, body.getBytes(StandardCharsets.UTF_8), contentType, cacheControl);
    }

    /**
     * The object's type and metadata, or empty when it does not exist. (S3 answers a HEAD of a
     * missing key with 404 only to a caller allowed {@code s3:ListBucket}; without it, 403.)
     */
    public Optional<ObjectInfo> head(String key) {
        try {
            HeadObjectResponse head = named(() -> client.headObject(request -> request.bucket(bucket).key(key)));
            return Optional.of(new ObjectInfo(head.contentType(), head.contentLength() == null ? 0 : head.contentLength(),
                    head.hasMetadata() ? head.metadata() : Map.of()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The object's bytes, or empty when it does not exist. */
    public Optional<byte[]> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> bytes = named(() -> client.getObjectAsBytes(request -> request.bucket(bucket).key(key)));
            return Optional.of(bytes.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** Unreachable, hung or refusing: the SDK's message names neither the service nor the bucket. */
    private <T> T named(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new com.webexqoe.common.WebexdevException("S3 bucket " + bucket + " unreachable: " + e.getMessage(), e);
        }
    }

    /**
     * SnapStart priming: marshals and signs a HeadObject and a PutObject (with its checksum) of
     * {@code key} through the real client, each stopped by {@code PrimingGuard} before it is sent.
     */
    public void prime(String key, byte[] body, String contentType) {
        PrimingGuard.prime("HeadObject", () -> client.headObject(r -> r.bucket(bucket).key(key)
                .overrideConfiguration(PrimingGuard.MARK)));
        PrimingGuard.prime("PutObject", () -> client.putObject(r -> r.bucket(bucket).key(key).contentType(contentType)
                .cacheControl("max-age=60").metadata(Map.of("sha256", "priming"))
                .overrideConfiguration(PrimingGuard.MARK), RequestBody.fromBytes(body)));
    }
}
