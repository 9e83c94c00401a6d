// CloudFront sends cloudfront-viewer-country-region only when it can place the viewer in a
// region, and API Gateway refuses with 401 any request missing an identity source of the
// authorizer. "-" means "country known, region unknown" to Location.fromEdgeHeaders.
function handler(event) {
    var headers = event.request.headers;
    if (!headers['cloudfront-viewer-country-region']) {
        headers['cloudfront-viewer-country-region'] = { value: '-' };
    }
    return event.request;
}
