"""Pushes to the adapter's TLS push port with Debian's python3-grpcio (grpc.ssl_channel_credentials), with and
without client certificates. Arguments: target, stubs dir, server CA PEM, certificate directory holding
<name>.crt/<name>.key for each client below, now in Unix ms. Prints one JSON object of status code names."""
import json
import os
import sys

target, stubs, ca_path, cert_dir, now_ms = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
sys.path.insert(0, stubs)

import grpc  # noqa: E402
from autoscaler.metrics.v1 import push_pb2, push_pb2_grpc  # noqa: E402
import health_v1_pb2  # noqa: E402
import health_v1_pb2_grpc  # noqa: E402

with open(ca_path, "rb") as f:
    ca = f.read()
# The server certificate names localhost; the channel dials 127.0.0.1.
OPTIONS = [("grpc.ssl_target_name_override", "localhost")]


def read(name):
    with open(os.path.join(cert_dir, name + ".crt"), "rb") as c, open(os.path.join(cert_dir, name + ".key"), "rb") as k:
        return c.read(), k.read()


def channel(client=None, root=ca):
    if client is None:
        credentials = grpc.ssl_channel_credentials(root_certificates=root)
    else:
        chain, key = read(client)
        credentials = grpc.ssl_channel_credentials(root_certificates=root, private_key=key, certificate_chain=chain)
    return grpc.secure_channel(target, credentials, options=OPTIONS)


def batch(ns, value, queue="orders"):
    request = push_pb2.PushRequest(namespace=ns)
    s = request.samples.add(name="queue_length", value=value, timestamp_unix_ms=now_ms)
    s.labels["queue"] = queue
    return request


def push(ch, request):
    try:
        return "OK", push_pb2_grpc.MetricsPushStub(ch).Push(request, timeout=10).accepted, ""
    except grpc.RpcError as e:
        return e.code().name, 0, e.details()


out = {}
admin = channel("admin")
out["admin"], out["admin_accepted"], _ = push(admin, batch("shop", 21))
out["admin_stream"] = push_pb2_grpc.MetricsPushStub(admin).PushStream(
    iter([batch("shop", 30 + i, f"stream-{i}") for i in range(3)]), timeout=10).accepted
out["health"] = health_v1_pb2.HealthCheckResponse.ServingStatus.Name(
    health_v1_pb2_grpc.HealthStub(admin).Check(health_v1_pb2.HealthCheckRequest(service=""), timeout=5).status)
out["member"], _, out["member_detail"] = push(channel("member"), batch("shop", 22))
out["stranger"], _, out["stranger_detail"] = push(channel("stranger"), batch("shop", 23))
out["anonymous"], _, out["anonymous_detail"] = push(channel(None), batch("shop", 24))
# A client that does not trust the server's certificate: the handshake fails on its side.
with open(os.path.join(cert_dir, "stranger-ca.crt"), "rb") as f:
    out["untrusted_server"], _, _ = push(channel("admin", root=f.read()), batch("shop", 25))
# A cleartext client on the TLS port.
out["cleartext"], _, _ = push(grpc.insecure_channel(target), batch("shop", 26))
# After all of that the port still serves.
out["after"], out["after_accepted"], _ = push(channel("admin"), batch("shop", 27, "after"))
print(json.dumps(out))
