package io.fairdraw.platform.dynamo;

import io.quarkus.runtime.annotations.RegisterForReflection;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Lets the URL connection client send each DynamoDB call on a kept-alive connection without a
 * pause. Given a {@code Content-Length}, the SDK's URL connection client streams the body
 * ({@code setFixedLengthStreamingMode}), and before a streamed POST on a cached connection the
 * JDK checks that the server has not closed it: a one-byte read with a one-millisecond timeout,
 * which on a healthy connection always waits its millisecond out and throws
 * ({@code sun.net.www.http.HttpClient.available}). Every DynamoDB call is such a POST. Without the
 * header the JDK buffers the body (a DynamoDB request is at most 16 MB), writes the same
 * {@code Content-Length} itself and skips the check; SigV4 does not sign the header, and the
 * SDK's own retries cover a connection the server closed meanwhile.
 *
 * <p>Named in {@code quarkus.dynamodb.interceptors} for the functions; the tests' and the local
 * cloud's clients add it themselves.
 */
@RegisterForReflection
public final class BufferedRequests implements ExecutionInterceptor {
    private static final String CONTENT_LENGTH = "Content-Length";

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        return request.firstMatchingHeader(CONTENT_LENGTH).isPresent() ? request.toBuilder().removeHeader(CONTENT_LENGTH).build() : request;
    }
}
