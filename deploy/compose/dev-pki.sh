#!/bin/sh
# Development PKI for docker compose: creates, on first start only, what the gateway needs to run
#   $PKI_DIR/dev-ec/key.pem   ECDSA P-256 CA key, PKCS#8
#   $PKI_DIR/dev-ec/ca.pem    its self-signed certificate (CA:TRUE, keyCertSign, ten years)
#   $PKI_DIR/jwt-key.pem      RSA-2048 key that signs development bearer tokens (PKCS#8)
#   $PKI_DIR/jwt-public.pem   its public key, which the gateway verifies tokens with
# and on every start a fresh $PKI_DIR/token: an RS256 JWT for team "dev", valid for a year.
# Keys are kept across restarts, so certificates issued earlier still chain to the same CA.
# Development only: the keys sit unencrypted in a Docker volume.
set -eu

PKI_DIR=${PKI_DIR:-/pki}
# The gateway image runs as the distroless nonroot user.
GATEWAY_UID=${GATEWAY_UID:-65532}
TEAM=${TEAM:-dev}
SCOPES=${SCOPES:-certificates:issue certificates:read audit:read}
LIFETIME_SECONDS=${LIFETIME_SECONDS:-31536000}

if ! command -v openssl >/dev/null 2>&1; then
    # alpine ships libcrypto but not the openssl command.
    apk add --no-cache openssl >/dev/null
fi

umask 077
mkdir -p "$PKI_DIR/dev-ec"

if [ ! -s "$PKI_DIR/dev-ec/key.pem" ] || [ ! -s "$PKI_DIR/dev-ec/ca.pem" ]; then
    config=$(mktemp)
    cat > "$config" <<'CNF'
[req]
distinguished_name = dn
x509_extensions = ca
prompt = no
[dn]
O = cert-gateway
CN = cert-gateway development EC CA
[ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
CNF
    openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$PKI_DIR/dev-ec/key.pem.tmp"
    openssl req -new -x509 -config "$config" -key "$PKI_DIR/dev-ec/key.pem.tmp" -sha256 -days 3650 \
        -out "$PKI_DIR/dev-ec/ca.pem.tmp"
    rm -f "$config"
    # Renamed only when both exist, so an interrupted first start is simply redone.
    mv "$PKI_DIR/dev-ec/key.pem.tmp" "$PKI_DIR/dev-ec/key.pem"
    mv "$PKI_DIR/dev-ec/ca.pem.tmp" "$PKI_DIR/dev-ec/ca.pem"
    echo "dev-pki: created the dev-ec authority"
fi

if [ ! -s "$PKI_DIR/jwt-key.pem" ] || [ ! -s "$PKI_DIR/jwt-public.pem" ]; then
    openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$PKI_DIR/jwt-key.pem.tmp"
    openssl pkey -in "$PKI_DIR/jwt-key.pem.tmp" -pubout -out "$PKI_DIR/jwt-public.pem"
    mv "$PKI_DIR/jwt-key.pem.tmp" "$PKI_DIR/jwt-key.pem"
    echo "dev-pki: created the JWT signing key"
fi

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"cert-gateway-dev","sub":"developer","team":"%s","scope":"%s","iat":%d,"exp":%d}' \
    "$TEAM" "$SCOPES" "$now" "$((now + LIFETIME_SECONDS))" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$PKI_DIR/jwt-key.pem" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "$signature" > "$PKI_DIR/token"

# The gateway reads the CA key and the public JWT key; nobody else on the volume needs anything.
chown -R "$GATEWAY_UID:$GATEWAY_UID" "$PKI_DIR" 2>/dev/null || true
chmod 0755 "$PKI_DIR" "$PKI_DIR/dev-ec"
chmod 0644 "$PKI_DIR/dev-ec/ca.pem" "$PKI_DIR/jwt-public.pem" "$PKI_DIR/token"
chmod 0600 "$PKI_DIR/dev-ec/key.pem" "$PKI_DIR/jwt-key.pem"

echo "dev-pki: token for team $TEAM (also in $PKI_DIR/token):"
cat "$PKI_DIR/token"
