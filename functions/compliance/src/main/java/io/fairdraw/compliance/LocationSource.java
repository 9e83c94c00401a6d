package io.fairdraw.compliance;

/**
 * Where the location of a request came from: the edge's viewer-country headers, or the
 * configured default of a laptop or test run, which has no CloudFront in front of it.
 */
public enum LocationSource {
    EDGE("edge"),
    DEFAULT("default");

    private final String contextValue;

    LocationSource(String contextValue) {
        this.contextValue = contextValue;
    }

    /** The value passed in the authorizer context. */
    public String contextValue() {
        return contextValue;
    }
}
