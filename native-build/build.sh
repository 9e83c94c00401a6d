#!/usr/bin/env bash
# Builds Fairdraw Lambda functions as native executables and collects their deployment zips.
#
#   native-build/build.sh [--container] [--arch x86_64|arm64] [--dry-run] [function...] [-- maven-args...]
#   native-build/build.sh --list
#
# With no function named, every module under functions/ that depends on a quarkus-amazon-lambda
# extension is built. Each functions/<name>/target/function.zip (one `bootstrap` executable for
# the provided.al2023 runtime) is copied to native-build/dist/<name>-<arch>.zip.
#
# Environment (all optional):
#   JAVA_HOME                      a JDK 21+ to run Maven with; otherwise one is looked for
#   GRAALVM_HOME                   a GraalVM/Mandrel whose native-image a local build uses
#   FAIRDRAW_CONTAINER_RUNTIME     docker or podman, to choose the engine of a container build
#   FAIRDRAW_NATIVE_BUILDER_IMAGE  builder image for a container build (default: Quarkus's own)
#   FAIRDRAW_NATIVE_XMX            heap of the native-image process, e.g. 6g
#   FAIRDRAW_SKIP_GLIBC_CHECK=1    accept a bootstrap that needs a newer glibc than Lambda has
#
# See native-build/README.md for prerequisites and for how Terraform deploys the zips.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
DIST_DIR="$SCRIPT_DIR/dist"

# provided.al2023 runs on Amazon Linux 2023, whose glibc is 2.34. A native executable is linked
# dynamically against glibc and refuses to start where its symbol versions are missing.
LAMBDA_GLIBC_MINOR=34

MIN_JDK=21

# Set by parse_args.
USE_CONTAINER=false
TARGET_ARCH=""
DRY_RUN=false
LIST=false
FUNCTIONS=()
EXTRA_MAVEN_ARGS=()

# Set by choose_build_mode.
MODE=""
ENGINE=""

# Scratch space for checking zips, removed however the script ends.
SCRATCH=""
cleanup() {
    if [[ -n "$SCRATCH" ]]; then
        rm -rf "$SCRATCH"
    fi
}
trap cleanup EXIT

usage() {
    cat <<'EOF'
Usage: native-build/build.sh [--container] [--arch x86_64|arm64] [--dry-run] [function...] [-- maven-args...]
       native-build/build.sh --list

  --container        build inside the Quarkus builder image (docker or podman), even when a
                     local native-image exists
  --arch ARCH        Lambda architecture to build for: x86_64 or arm64 (default: this machine's)
  --dry-run          print the Maven command and stop
  --list             print the function modules a build with no names would build, and stop
  function...        names under functions/ (default: every Lambda function module)
  -- maven-args...   passed to ./mvnw unchanged, e.g. -- -o -Dquarkus.native.debug.enabled=true

Each functions/<name>/target/function.zip is copied to native-build/dist/<name>-<arch>.zip.
EOF
}

die() {
    printf 'build.sh: %s\n' "$*" >&2
    exit 1
}

info() {
    printf '==> %s\n' "$*" >&2
}

warn() {
    printf 'build.sh: warning: %s\n' "$*" >&2
}

# Lambda says x86_64 and arm64; uname and container platforms say amd64/aarch64 as well.
normalise_arch() {
    case "$1" in
        x86_64 | amd64) echo x86_64 ;;
        arm64 | aarch64) echo arm64 ;;
        *) return 1 ;;
    esac
}

# The name container engines use for the same architecture.
container_platform() {
    case "$1" in
        x86_64) echo linux/amd64 ;;
        arm64) echo linux/arm64 ;;
    esac
}

host_arch() {
    normalise_arch "$(uname -m)" || die "this machine's architecture '$(uname -m)' is not one Lambda runs (x86_64, arm64)"
}

parse_args() {
    while (($# > 0)); do
        case "$1" in
            --container) USE_CONTAINER=true ;;
            --arch)
                (($# >= 2)) || die "--arch needs a value: x86_64 or arm64"
                TARGET_ARCH="$(normalise_arch "$2")" || die "unknown architecture '$2': use x86_64 or arm64"
                shift
                ;;
            --arch=*)
                TARGET_ARCH="$(normalise_arch "${1#--arch=}")" || die "unknown architecture '${1#--arch=}': use x86_64 or arm64"
                ;;
            --dry-run) DRY_RUN=true ;;
            --list) LIST=true ;;
            -h | --help)
                usage
                exit 0
                ;;
            --)
                shift
                EXTRA_MAVEN_ARGS=("$@")
                break
                ;;
            -*) die "unknown option '$1' (see --help)" ;;
            *) FUNCTIONS+=("$1") ;;
        esac
        shift
    done
    if [[ -z "$TARGET_ARCH" ]]; then
        TARGET_ARCH="$(host_arch)"
    fi
}

# Major Java version of a JDK home, or nothing if it is not a JDK.
jdk_major() {
    local home="$1" version=""
    [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
    if [[ -f "$home/release" ]]; then
        version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")"
    fi
    if [[ -z "$version" ]]; then
        version="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
    fi
    version="${version#1.}" # 1.8.0_x is Java 8
    version="${version%%[._+-]*}"
    [[ "$version" =~ ^[0-9]+$ ]] && echo "$version"
    return 0
}

# The project compiles with release 21 and the enforcer rejects older JDKs; the default java of
# many machines is older, so find a suitable JDK rather than fail on whatever is first on PATH.
select_jdk() {
    local candidate major best="" best_major=0 path_java
    # An explicit choice wins when it is good enough.
    for candidate in "${JAVA_HOME:-}" "${GRAALVM_HOME:-}"; do
        [[ -n "$candidate" ]] || continue
        major="$(jdk_major "$candidate")"
        if [[ -n "$major" ]] && ((major >= MIN_JDK)); then
            best="$candidate"
            break
        fi
        warn "skipping $candidate: not a JDK $MIN_JDK or newer"
    done
    if [[ -z "$best" ]] && path_java="$(command -v java 2>/dev/null)"; then
        if candidate="$(readlink -f "$path_java" 2>/dev/null)"; then
            candidate="$(dirname "$(dirname "$candidate")")"
            major="$(jdk_major "$candidate")"
            if [[ -n "$major" ]] && ((major >= MIN_JDK)); then
                best="$candidate"
            fi
        fi
    fi
    if [[ -z "$best" && -x /usr/libexec/java_home ]]; then
        # macOS; java_home may answer with a JDK that does not match, so check it too.
        candidate="$(/usr/libexec/java_home -v "$MIN_JDK+" 2>/dev/null || true)"
        major="$(jdk_major "$candidate")"
        if [[ -n "$candidate" && -n "$major" ]] && ((major >= MIN_JDK)); then
            best="$candidate"
        fi
    fi
    if [[ -z "$best" ]]; then
        # The newest JDK in the usual install places.
        local dir
        for dir in /usr/lib/jvm/* /opt/java/* /opt/*jdk* /opt/graalvm* /opt/mandrel* \
            "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
            [[ -d "$dir" ]] || continue
            major="$(jdk_major "$dir")"
            if [[ -n "$major" ]] && ((major >= MIN_JDK && major > best_major)); then
                best="$dir"
                best_major="$major"
            fi
        done
    fi
    [[ -n "$best" ]] || die "no JDK $MIN_JDK or newer found: install one (e.g. Temurin 25) and set JAVA_HOME to it"
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
}

# A Lambda function module depends on a quarkus-amazon-lambda extension and has the native
# profile (quarkus.native.enabled); libraries under functions/ such as platform-core and test-support
# have no native profile, even when they pull in the Lambda extension for tests.
is_lambda_module() {
    local pom="$REPO_ROOT/functions/$1/pom.xml"
    [[ -f "$pom" ]] &&
        grep -q '<artifactId>quarkus-amazon-lambda' "$pom" &&
        grep -q '<quarkus.native.enabled>true</quarkus.native.enabled>' "$pom"
}

# For messages: the known functions, comma-separated.
function_list() {
    all_functions | paste -sd, - | sed 's/,/, /g'
}

all_functions() {
    local dir name
    for dir in "$REPO_ROOT"/functions/*/; do
        name="$(basename "$dir")"
        if is_lambda_module "$name"; then
            echo "$name"
        fi
    done
}

resolve_functions() {
    local name
    if ((${#FUNCTIONS[@]} == 0)); then
        # A read loop rather than mapfile: macOS still ships bash 3.2.
        while IFS= read -r name; do
            FUNCTIONS+=("$name")
        done < <(all_functions)
        ((${#FUNCTIONS[@]} > 0)) || die "no Lambda function modules found under $REPO_ROOT/functions"
        return
    fi
    for name in "${FUNCTIONS[@]}"; do
        [[ "$name" =~ ^[a-z0-9][a-z0-9-]*$ ]] || die "'$name' is not a function name"
        [[ -d "$REPO_ROOT/functions/$name" ]] || die "there is no functions/$name (functions: $(function_list))"
        is_lambda_module "$name" || die "functions/$name is a library, not a Lambda function (functions: $(function_list))"
    done
}

# Where native-image would come from for a local build: Quarkus looks in GRAALVM_HOME, then
# JAVA_HOME, then PATH.
local_native_image() {
    local home
    for home in "${GRAALVM_HOME:-}" "${JAVA_HOME:-}"; do
        if [[ -n "$home" && -x "$home/bin/native-image" ]]; then
            echo "$home/bin/native-image"
            return 0
        fi
    done
    command -v native-image 2>/dev/null
}

# An installed CLI is not enough: the daemon (docker) or machine (podman on macOS) must answer.
engine_works() {
    command -v "$1" >/dev/null 2>&1 || return 1
    if command -v timeout >/dev/null 2>&1; then
        timeout 30 "$1" info >/dev/null 2>&1
    else
        "$1" info >/dev/null 2>&1
    fi
}

# Sets ENGINE to a container engine that answers, or fails. An engine named in
# FAIRDRAW_CONTAINER_RUNTIME must work; otherwise docker is tried, then podman.
find_engine() {
    local engine
    if [[ -n "${FAIRDRAW_CONTAINER_RUNTIME:-}" ]]; then
        case "$FAIRDRAW_CONTAINER_RUNTIME" in
            docker | podman) ;;
            *) die "FAIRDRAW_CONTAINER_RUNTIME must be docker or podman, not '$FAIRDRAW_CONTAINER_RUNTIME'" ;;
        esac
        engine_works "$FAIRDRAW_CONTAINER_RUNTIME" || die "FAIRDRAW_CONTAINER_RUNTIME=$FAIRDRAW_CONTAINER_RUNTIME but '$FAIRDRAW_CONTAINER_RUNTIME info' fails: start it or unset the variable"
        ENGINE="$FAIRDRAW_CONTAINER_RUNTIME"
        return 0
    fi
    for engine in docker podman; do
        if engine_works "$engine"; then
            ENGINE="$engine"
            return 0
        fi
    done
    return 1
}

choose_build_mode() {
    local host native_image
    host="$(host_arch)"
    if [[ "$USE_CONTAINER" == false ]] && native_image="$(local_native_image)"; then
        # A local native-image emits code for the machine it runs on: GraalVM does not
        # cross-compile, and on macOS or Windows it would emit a Mach-O or PE binary, not Linux.
        if [[ "$(uname -s)" != Linux ]]; then
            die "native-image on $(uname -s) builds $(uname -s) executables, and Lambda needs Linux ones: use --container"
        fi
        if [[ "$TARGET_ARCH" != "$host" ]]; then
            die "a local native-image build on $host can only produce an $host executable (GraalVM has no cross-compilation), so --arch $TARGET_ARCH is refused; use --container to build $TARGET_ARCH under emulation, or build on an $TARGET_ARCH machine"
        fi
        command -v gcc >/dev/null 2>&1 || die "native-image needs a C toolchain to link: install gcc and the glibc and zlib headers (e.g. apt-get install build-essential zlib1g-dev), or use --container"
        MODE=local
        info "local build with $native_image ($("$native_image" --version 2>/dev/null | head -n 1 || echo 'version unknown'))"
        warn_about_host_glibc
        return
    fi
    if find_engine; then
        MODE=container
        if [[ "$USE_CONTAINER" == false ]]; then
            info "no native-image on PATH, GRAALVM_HOME or JAVA_HOME: building in a container with $ENGINE"
        else
            info "container build with $ENGINE"
        fi
        if [[ "$TARGET_ARCH" != "$host" ]]; then
            warn "building $TARGET_ARCH on an $host machine runs the builder image under emulation ($ENGINE needs QEMU/binfmt for $(container_platform "$TARGET_ARCH")); expect it to be several times slower. An 'exec format error' means emulation is not set up."
        fi
        return
    fi
    if [[ "$USE_CONTAINER" == true ]]; then
        die "--container asked for, but neither 'docker info' nor 'podman info' answers: start Docker or Podman (podman machine start) and try again"
    fi
    die "cannot build native executables here: there is no native-image (install Mandrel or GraalVM for JDK 25 and put it on PATH or in GRAALVM_HOME), and no working container engine ('docker info' and 'podman info' both fail). See native-build/README.md."
}

# Executables built against a newer glibc than Lambda's usually ask for symbol versions that
# Amazon Linux 2023 lacks; the zip check below catches that, this says so before a long build.
warn_about_host_glibc() {
    local version minor
    version="$(ldd --version 2>/dev/null | head -n 1 | grep -oE '[0-9]+\.[0-9]+$' || true)"
    [[ -n "$version" ]] || return 0
    minor="${version#2.}"
    if [[ "$version" == 2.* && "$minor" =~ ^[0-9]+$ ]] && ((minor > LAMBDA_GLIBC_MINOR)); then
        warn "this machine has glibc $version and provided.al2023 has 2.$LAMBDA_GLIBC_MINOR: the bootstrap may need symbols Lambda lacks. The build checks the result; --container builds against a glibc Lambda has."
    fi
}

maven_command() {
    local modules=() name
    for name in "${FUNCTIONS[@]}"; do
        modules+=("functions/$name")
    done
    # One reactor for all functions, so the shared modules (-am) are built once.
    MAVEN_CMD=(./mvnw -B -pl "$(IFS=,; echo "${modules[*]}")" -am package -Dnative -DskipTests)
    if [[ "$MODE" == container ]]; then
        MAVEN_CMD+=(-Dquarkus.native.container-build=true "-Dquarkus.native.container-runtime=$ENGINE")
        if [[ "$TARGET_ARCH" != "$(host_arch)" ]]; then
            MAVEN_CMD+=("-Dquarkus.native.container-runtime-options=--platform=$(container_platform "$TARGET_ARCH")")
        fi
        if [[ -n "${FAIRDRAW_NATIVE_BUILDER_IMAGE:-}" ]]; then
            MAVEN_CMD+=("-Dquarkus.native.builder-image=$FAIRDRAW_NATIVE_BUILDER_IMAGE")
        fi
    else
        # Without this Quarkus would quietly fall back to a container if it lost native-image.
        MAVEN_CMD+=(-Dquarkus.native.container-build=false)
    fi
    if [[ -n "${FAIRDRAW_NATIVE_XMX:-}" ]]; then
        MAVEN_CMD+=("-Dquarkus.native.native-image-xmx=$FAIRDRAW_NATIVE_XMX")
    fi
    # The +"..." form keeps bash 3.2 with set -u quiet when the array is empty.
    MAVEN_CMD+=(${EXTRA_MAVEN_ARGS[@]+"${EXTRA_MAVEN_ARGS[@]}"})
}

sha256_of() {
    if command -v sha256sum >/dev/null 2>&1; then
        sha256sum "$1" | cut -d ' ' -f 1
    else
        shasum -a 256 "$1" | cut -d ' ' -f 1
    fi
}

human_size() {
    awk -v b="$1" 'BEGIN { if (b >= 1048576) printf "%.1f MiB", b / 1048576; else printf "%.1f KiB", b / 1024 }'
}

# Two hex bytes at an offset of a file, e.g. "7f 45".
bytes_at() {
    od -An -tx1 -j "$2" -N "$3" "$1" | tr -s ' \n' ' ' | sed 's/^ //; s/ $//'
}

# The zip must hold a Linux executable for the requested architecture that Amazon Linux 2023
# can load; a wrong one only fails at the first invocation in AWS, so fail here instead.
verify_zip() {
    local name="$1" zip="$2" work exe magic machine expected newest
    work="$SCRATCH/$name"
    mkdir -p "$work"
    # jar ships with every JDK, so no unzip is needed.
    (cd "$work" && "$JAVA_HOME/bin/jar" xf "$zip") || die "$name: cannot read $zip"
    [[ -f "$work/bootstrap" ]] || die "$name: $zip has no bootstrap, so it is not a native deployment zip"
    exe="$work/bootstrap"
    # A function with src/main/zip.native/bootstrap (a script) has its executable named runner.
    if [[ "$(head -c 2 "$exe")" == '#!' ]]; then
        exe="$work/runner"
        [[ -f "$exe" ]] || die "$name: bootstrap is a script but the zip has no runner executable"
    fi
    magic="$(bytes_at "$exe" 0 4)"
    [[ "$magic" == "7f 45 4c 46" ]] || die "$name: the executable in $zip is not a Linux (ELF) binary"
    # e_machine, at offset 18 of the ELF header: 0x3e is x86-64, 0xb7 is AArch64.
    machine="$(bytes_at "$exe" 18 2)"
    case "$TARGET_ARCH" in
        x86_64) expected="3e 00" ;;
        arm64) expected="b7 00" ;;
    esac
    [[ "$machine" == "$expected" ]] || die "$name: the executable in $zip is not an $TARGET_ARCH binary (ELF machine $machine)"
    # The newest GLIBC_2.x symbol version the executable asks the loader for.
    newest="$(grep -aoE 'GLIBC_2\.[0-9]+' "$exe" | awk -F. '$2 > max { max = $2 } END { print max + 0 }' || true)"
    if [[ -n "$newest" ]] && ((newest > LAMBDA_GLIBC_MINOR)); then
        if [[ "${FAIRDRAW_SKIP_GLIBC_CHECK:-}" == 1 ]]; then
            warn "$name: the executable needs GLIBC_2.$newest, newer than provided.al2023's 2.$LAMBDA_GLIBC_MINOR; kept because FAIRDRAW_SKIP_GLIBC_CHECK=1"
        else
            die "$name: the executable needs GLIBC_2.$newest but provided.al2023 has glibc 2.$LAMBDA_GLIBC_MINOR, so it would not start in Lambda; build with --container (or on a machine with glibc 2.$LAMBDA_GLIBC_MINOR or older)"
        fi
    fi
}

publish() {
    local name="$1" zip dest bytes
    zip="$REPO_ROOT/functions/$name/target/function.zip"
    [[ -f "$zip" ]] || die "$name: the build left no functions/$name/target/function.zip"
    verify_zip "$name" "$zip"
    dest="$DIST_DIR/$name-$TARGET_ARCH.zip"
    cp "$zip" "$dest"
    bytes="$(wc -c <"$dest" | tr -d ' ')"
    printf '%-28s %10s  sha256 %s\n' "dist/$name-$TARGET_ARCH.zip" "$(human_size "$bytes")" "$(sha256_of "$dest")"
}

main() {
    parse_args "$@"
    [[ -x "$REPO_ROOT/mvnw" ]] || die "no executable mvnw at $REPO_ROOT: run this script from a Fairdraw checkout"
    resolve_functions
    if [[ "$LIST" == true ]]; then
        printf '%s\n' "${FUNCTIONS[@]}"
        return 0
    fi
    select_jdk
    info "JDK for Maven: $JAVA_HOME (Java $(jdk_major "$JAVA_HOME"))"
    choose_build_mode
    maven_command
    info "functions: ${FUNCTIONS[*]}; architecture: $TARGET_ARCH"
    info "running: ${MAVEN_CMD[*]}"
    if [[ "$DRY_RUN" == true ]]; then
        return 0
    fi

    local name
    # A zip left by an earlier JVM or other-arch build must never be taken for this one's.
    for name in "${FUNCTIONS[@]}"; do
        rm -f "$REPO_ROOT/functions/$name/target/function.zip"
    done
    (cd "$REPO_ROOT" && "${MAVEN_CMD[@]}")

    mkdir -p "$DIST_DIR"
    SCRATCH="$(mktemp -d)"
    for name in "${FUNCTIONS[@]}"; do
        publish "$name"
    done
}

main "$@"
