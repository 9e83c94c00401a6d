package io.fairdraw.testsupport;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * API Gateway HTTP API events (payload format 2.0) as the gateway sends them to a function, and
 * a Lambda context to go with them. Field by field after AWS's documented example of the
 * format ("Working with AWS Lambda proxy integrations for HTTP APIs", API Gateway developer guide).
 */
public final class LambdaEvents {
    private static final DateTimeFormatter CLF_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private LambdaEvents() {
    }

    public static APIGatewayV2HTTPEvent http(String method, String path, String bearerToken, String body, String requestId) {
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "api.fairdraw.test");
        headers.put("user-agent", "fairdraw-tests");
        headers.put("x-forwarded-proto", "https");
        headers.put("accept", "application/json");
        // CloudFront adds it to every request it forwards; the functions refuse a request without it.
        headers.put(ThroughTheEdge.HEADER, ThroughTheEdge.SECRET);
        if (bearerToken != null) {
            headers.put("authorization", "Bearer " + bearerToken);
        }
        if (body != null) {
            headers.put("content-type", "application/json");
            headers.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        }
        Instant now = Instant.now();
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("123456789012")
                .withApiId("fairdrawapi")
                .withDomainName("api.fairdraw.test")
                .withDomainPrefix("api")
                .withRequestId(requestId)
                .withRouteKey(method + " " + path)
                .withStage("$default")
                .withTime(CLF_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(path)
                        .withProtocol("HTTP/1.1")
                        .withSourceIp("192.0.2.10")
                        .withUserAgent("fairdraw-tests")
                        .build())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(headers)
                .withRequestContext(context)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    /**
     * The event as it arrives behind the compliance authorizer: its context under
     * {@code requestContext.authorizer.lambda} (the names of the compliance function's ContextKeys).
     */
    public static APIGatewayV2HTTPEvent authorized(APIGatewayV2HTTPEvent event, Map<String, Object> authorizerContext) {
        event.getRequestContext().setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withLambda(new HashMap<>(authorizerContext)).build());
        return event;
    }

    /** A response header by name, whatever case the function used for it. */
    public static String header(APIGatewayV2HTTPResponse response, String name) {
        if (response.getHeaders() != null) {
            for (Map.Entry<String, String> header : response.getHeaders().entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
        }
        if (response.getMultiValueHeaders() != null) {
            for (var header : response.getMultiValueHeaders().entrySet()) {
                if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                    return header.getValue().get(0);
                }
            }
        }
        return null;
    }

    /** The invocation context Lambda passes beside the event. */
    public static Context context(String awsRequestId) {
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return awsRequestId;
            }

            @Override
            public String getLogGroupName() {
                return "/aws/lambda/fairdraw-test";
            }

            @Override
            public String getLogStreamName() {
                return "test";
            }

            @Override
            public String getFunctionName() {
                return "fairdraw-test";
            }

            @Override
            public String getFunctionVersion() {
                return "$LATEST";
            }

            @Override
            public String getInvokedFunctionArn() {
                return "arn:aws:lambda:us-east-1:123456789012:function:fairdraw-test";
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return 10_000;
            }

            @Override
            public int getMemoryLimitInMB() {
                return 512;
            }

            @Override
            public LambdaLogger getLogger() {
                return new LambdaLogger() {
                    @Override
                    public void log(String message) {
                        System.out.println(message);
                    }

                    @Override
                    public void log(byte[] message) {
                        System.out.println(new String(message, StandardCharsets.UTF_8));
                    }
                };
            }
        };
    }
}
