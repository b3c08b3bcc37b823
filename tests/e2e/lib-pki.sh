#!/usr/bin/env bash
# Certificates for the test control plane, made with openssl into $PKI. Sourced by the e2e fixture
# (ControlPlaneFiles: PKI=... SERVICE_ADDRESS=...; generate_pki).

make_ca() {
  local name=$1 cn=$2
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$cn" \
    -keyout "$PKI/$name.key" -out "$PKI/$name.crt" 2>/dev/null
}

# make_cert NAME CA SUBJECT EXT: a key and a certificate signed by CA, with the given extensions.
make_cert() {
  local name=$1 ca=$2 subject=$3 ext=$4
  openssl req -newkey rsa:2048 -nodes -subj "$subject" -keyout "$PKI/$name.key" -out "$PKI/$name.csr" 2>/dev/null
  printf '%s\n' "$ext" >"$PKI/$name.ext"
  openssl x509 -req -in "$PKI/$name.csr" -CA "$PKI/$ca.crt" -CAkey "$PKI/$ca.key" -CAcreateserial \
    -days 30 -extfile "$PKI/$name.ext" -out "$PKI/$name.crt" 2>/dev/null
  rm -f "$PKI/$name.csr" "$PKI/$name.ext"
}

generate_pki() {
  local client='basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth'
  make_ca ca autoscaler-e2e-ca
  make_cert apiserver ca "/CN=kube-apiserver" "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,IP:10.96.0.1,IP:$SERVICE_ADDRESS,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
  make_cert admin ca "/O=system:masters/CN=autoscaler-e2e-admin" "$client"
  make_cert controller-manager ca "/CN=system:kube-controller-manager" "$client"
  make_cert user ca "/O=autoscaler-e2e:users/CN=autoscaler-e2e-user" "$client"
  make_ca front-proxy-ca autoscaler-e2e-front-proxy-ca
  make_cert front-proxy-client front-proxy-ca "/CN=front-proxy-client" "$client"
  openssl genrsa -out "$PKI/sa.key" 2048 2>/dev/null
  openssl rsa -in "$PKI/sa.key" -pubout -out "$PKI/sa.pub" 2>/dev/null
  chmod 600 "$PKI"/*.key
}
