#!/usr/bin/env bash
# Greps the source tree for the obvious things that break a native executable or make it unsafe.
#
#   native-build/check-native-ready.sh [repo-root]
#
# It reads functions/*/src/main/java, shared-model/src/main/java, every pom.xml and the
# functions' application.properties, and looks for:
#   - a random generator (SecureRandom, Random, SplittableRandom, ThreadLocalRandom, UUID.randomUUID)
#     created in a static field or a static initialiser: Quarkus initialises classes while the
#     image is built, so the generator and its seed would be frozen into the executable;
#   - Class.forName( and getDeclared{Method,Field,Constructor}(s)( in a file without
#     @RegisterForReflection: native-image keeps only the reflection it was told about;
#   - apache-client or netty-nio-client declared in a pom.xml other than inside <exclusions>,
#     and an AWS SDK sync client configured as apache: Fairdraw uses the URL connection client.
# A line that has been reviewed can carry a "native-ok: <why>" comment, on it or just above it.
#
# Exit status: 0 when nothing is found, 1 with the offending lines, 2 on a usage error.
# It only reads files; see native-build/README.md for the rules behind each check.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
    echo "Usage: native-build/check-native-ready.sh [repo-root]" >&2
    exit 2
}

(($# <= 1)) || usage
case "${1:-}" in -h | --help) usage ;; esac
ROOT="$(cd "${1:-$SCRIPT_DIR/..}" 2>/dev/null && pwd)" || {
    echo "check-native-ready.sh: no directory '${1:-}'" >&2
    exit 2
}
[[ -d "$ROOT/functions" ]] || {
    echo "check-native-ready.sh: $ROOT has no functions/ directory; is it a Fairdraw checkout?" >&2
    exit 2
}

FINDINGS="$(mktemp)"
trap 'rm -f "$FINDINGS"' EXIT

# Prints findings as "path:line: reason" followed by the indented source line.
# shellcheck disable=SC2016 # the awk programs are single-quoted on purpose
JAVA_CHECKS='
function report(reason) {
    printf "%s:%d: %s\n    %s\n", path, FNR, reason, raw
}
function reviewed() {
    return raw ~ /native-ok/ || previous ~ /native-ok/
}
BEGIN {
    random_re = "(new[ \t]+(java\\.security\\.|java\\.util\\.)?(SecureRandom|Random|SplittableRandom)[ \t]*\\(|SecureRandom\\.getInstance(Strong)?[ \t]*\\(|ThreadLocalRandom\\.current[ \t]*\\(|UUID\\.randomUUID[ \t]*\\()"
    reflection_re = "(Class\\.forName[ \t]*\\(|getDeclared(Method|Field|Constructor)s?[ \t]*\\()"
}
{
    raw = $0
    code = $0
    sub(/\/\/.*$/, "", code)            # line comment
    trimmed = code
    sub(/^[ \t]+/, "", trimmed)
    if (in_comment) {                    # inside /* ... */ (Javadoc included)
        if (trimmed ~ /\*\//) { in_comment = 0 }
        previous = raw
        next
    }
    if (trimmed ~ /^\/\*/) {
        if (trimmed !~ /\*\//) { in_comment = 1 }
        previous = raw
        next
    }

    # static { ... } blocks run when the class is initialised, i.e. during the image build.
    if (!in_static && trimmed ~ /^static[ \t]*\{/) {
        in_static = 1
        depth = 0
    }
    if (in_static) {
        if (code ~ random_re && !reviewed()) {
            report("random generator or value created in a static initialiser: it would be made and seeded when the image is built")
        }
        opens = gsub(/\{/, "{", code)
        closes = gsub(/\}/, "}", code)
        depth += opens - closes
        if (depth <= 0) { in_static = 0 }
    } else if (pending != "") {
        pending = pending " " trimmed
    } else if (trimmed ~ /(^|[ \t])static[ \t]/ && trimmed !~ /[{]/ && trimmed !~ /(^|[ \t])(class|interface|enum|record)[ \t]/) {
        # A static field declaration, possibly spread over several lines up to its semicolon.
        pending = trimmed
        pending_line = FNR
        pending_raw = raw
    }
    if (pending != "" && pending ~ /;/) {
        before_eq = pending
        sub(/=.*/, "", before_eq)
        # A ")" before "=" means a method signature, not a field.
        if (before_eq !~ /\)/ && pending ~ ("=.*" random_re) && pending_raw !~ /native-ok/ && previous_of_pending !~ /native-ok/) {
            printf "%s:%d: %s\n    %s\n", path, pending_line, "random generator or value held in a static field: it would be made and seeded when the image is built", pending_raw
        }
        pending = ""
    }
    if (pending == "") { previous_of_pending = raw }

    if (code ~ reflection_re && !has_registration && !reviewed()) {
        report("reflective lookup in a file without @RegisterForReflection: native-image keeps only registered members")
    }
    previous = raw
}
'

# shellcheck disable=SC2016
POM_CHECKS='
{
    raw = $0
    line = $0
    # Drop XML comments, which may span lines.
    out = ""
    while (line != "") {
        if (in_comment) {
            end = index(line, "-->")
            if (end == 0) { line = ""; break }
            line = substr(line, end + 3)
            in_comment = 0
        } else {
            start = index(line, "<!--")
            if (start == 0) { out = out line; line = ""; break }
            out = out substr(line, 1, start - 1)
            line = substr(line, start + 4)
            in_comment = 1
        }
    }
    if (out ~ /<exclusions>/) { exclusions++ }
    if (out ~ /<artifactId>[ \t]*(apache-client|netty-nio-client)[ \t]*<\/artifactId>/ && exclusions == 0) {
        printf "%s:%d: %s\n    %s\n", path, FNR, "Apache/Netty HTTP client for the AWS SDK: use url-connection-client (quarkus.<service>.sync-client.type=url)", raw
    }
    if (out ~ /<\/exclusions>/) { exclusions-- }
}
'

# shellcheck disable=SC2016
PROPERTIES_CHECKS='
/^[ \t]*#/ { next }
/^[ \t]*(%[a-z-]+\.)?quarkus\.[a-z0-9-]+\.sync-client\.type[ \t]*[=:][ \t]*apache[ \t]*$/ {
    printf "%s:%d: %s\n    %s\n", path, FNR, "AWS SDK sync client set to apache: Fairdraw uses the URL connection client", $0
}
'

relative() {
    echo "${1#"$ROOT"/}"
}

java_files=0
while IFS= read -r -d '' file; do
    java_files=$((java_files + 1))
    has_registration=0
    if grep -qE '@([A-Za-z0-9_]+\.)*RegisterForReflection' "$file"; then
        has_registration=1
    fi
    awk -v path="$(relative "$file")" -v has_registration="$has_registration" "$JAVA_CHECKS" "$file" >>"$FINDINGS"
done < <(
    for dir in "$ROOT"/functions/*/src/main/java "$ROOT"/shared-model/src/main/java; do
        # test-support is a test-scope library: it never enters a native image.
        [[ "$dir" == */functions/test-support/* ]] && continue
        [[ -d "$dir" ]] && find "$dir" -name '*.java' -type f -print0
    done
)

pom_files=0
while IFS= read -r -d '' file; do
    pom_files=$((pom_files + 1))
    awk -v path="$(relative "$file")" "$POM_CHECKS" "$file" >>"$FINDINGS"
done < <(find "$ROOT" \( -name target -o -name node_modules -o -name .git \) -prune -o -name pom.xml -type f -print0)

for file in "$ROOT"/functions/*/src/main/resources/application.properties \
    "$ROOT"/functions/*/src/main/resources/META-INF/microprofile-config.properties; do
    [[ -f "$file" ]] || continue
    awk -v path="$(relative "$file")" "$PROPERTIES_CHECKS" "$file" >>"$FINDINGS"
done

if [[ -s "$FINDINGS" ]]; then
    cat "$FINDINGS"
    count="$(grep -c '^[^ ]' "$FINDINGS")"
    echo "check-native-ready: $count native hazard(s) found; see native-build/README.md (native-friendliness rules)." >&2
    exit 1
fi
echo "check-native-ready: no native hazards in $java_files Java files and $pom_files pom.xml files."
