// The web app routes /wallet, /draws/... itself: a request whose last path segment has no dot
// is one of those routes, and gets index.html. Files (/assets/app-1a2b.js) pass unchanged.
function handler(event) {
    var request = event.request;
    var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
    if (last.indexOf('.') === -1) {
        request.uri = '/index.html';
    }
    return request;
}
