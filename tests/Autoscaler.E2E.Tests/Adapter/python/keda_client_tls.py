"""Calls KEDA's external scaler on the adapter's TLS gRPC port with Debian's python3-grpcio, the way KEDA's
external scaler dials it: grpc.ssl_channel_credentials from the trigger's caCert, tlsClientCert and tlsClientKey.
Pushes the metric first (same port, same client certificate). Arguments: target, stubs dir, CA PEM the gRPC port's
certificate chains to, another CA PEM (the serving certificate's, which the gRPC port does not present), certificate
directory holding <name>.crt/<name>.key for each client below. Prints one JSON object."""
import json
import os
import sys
import time

target, stubs, ca_path, other_ca_path, cert_dir = sys.argv[1:6]
sys.path.insert(0, stubs)

import grpc  # noqa: E402
from autoscaler.metrics.v1 import push_pb2, push_pb2_grpc  # noqa: E402
from externalscaler import externalscaler_pb2 as keda, externalscaler_pb2_grpc as keda_grpc  # noqa: E402

with open(ca_path, "rb") as f:
    CA = f.read()
# The gRPC port's certificate names localhost; the channel dials 127.0.0.1 (KEDA sets the scalerAddress host).
OPTIONS = [("grpc.ssl_target_name_override", "localhost")]


def read(name):
    with open(os.path.join(cert_dir, name + ".crt"), "rb") as c, open(os.path.join(cert_dir, name + ".key"), "rb") as k:
        return c.read(), k.read()


def channel(client=None, root=CA):
    if client is None:
        credentials = grpc.ssl_channel_credentials(root_certificates=root)
    else:
        chain, key = read(client)
        credentials = grpc.ssl_channel_credentials(root_certificates=root, private_key=key, certificate_chain=chain)
    return grpc.secure_channel(target, credentials, options=OPTIONS)


def push(ch, value):
    request = push_pb2.PushRequest(namespace="shop")
    s = request.samples.add(name="queue_length", value=value, timestamp_unix_ms=int(time.time() * 1000))
    s.labels["queue"] = "orders"
    return push_pb2_grpc.MetricsPushStub(ch).Push(request, timeout=10).accepted


def ref(metric="queue_length", activation="10"):
    r = keda.ScaledObjectRef(name="worker", namespace="shop")
    r.scalerMetadata.update({"metricName": metric, "labelSelector": "queue=orders", "targetValue": "5", "activationValue": activation})
    return r


def code_of(call):
    try:
        call()
        return "OK", ""
    except grpc.RpcError as e:
        return e.code().name, e.details()


out = {}
keda_channel = channel("keda")
scaler = keda_grpc.ExternalScalerStub(keda_channel)
out["pushed"] = push(keda_channel, 12)
spec = scaler.GetMetricSpec(ref(), timeout=10).metricSpecs[0]
out["spec"] = [spec.metricName, spec.targetSize, spec.targetSizeFloat]
value = scaler.GetMetrics(keda.GetMetricsRequest(scaledObjectRef=ref(), metricName="queue_length"), timeout=10).metricValues[0]
out["metrics"] = [value.metricName, value.metricValue, value.metricValueFloat]
out["active"] = scaler.IsActive(ref(), timeout=10).result
out["inactive_above_100"] = scaler.IsActive(ref(activation="100"), timeout=10).result
out["unknown_metric"], _ = code_of(lambda: scaler.IsActive(ref(metric="no_such_metric"), timeout=10))
# StreamIsActive (external-push triggers): the current activity at once, then each change.
stream = scaler.StreamIsActive(ref(), timeout=30)
out["stream"] = [next(stream).result]
push(keda_channel, 4)
out["stream"].append(next(stream).result)
stream.cancel()
# Refusals: a client-CA identity the adapter cannot review here, another CA's certificate, no certificate.
out["member"], out["member_detail"] = code_of(lambda: keda_grpc.ExternalScalerStub(channel("member")).IsActive(ref(), timeout=10))
out["stranger"], out["stranger_detail"] = code_of(lambda: keda_grpc.ExternalScalerStub(channel("stranger")).GetMetrics(
    keda.GetMetricsRequest(scaledObjectRef=ref(), metricName="queue_length"), timeout=10))
out["anonymous"], out["anonymous_detail"] = code_of(lambda: keda_grpc.ExternalScalerStub(channel(None)).GetMetricSpec(ref(), timeout=10))
# A client that trusts only the serving certificate's CA: the gRPC port presents its own certificate.
with open(other_ca_path, "rb") as f:
    other = f.read()
out["untrusting"], out["untrusting_detail"] = code_of(lambda: keda_grpc.ExternalScalerStub(channel("keda", root=other)).IsActive(ref(), timeout=10))
# A cleartext client on the TLS port.
out["cleartext"], _ = code_of(lambda: keda_grpc.ExternalScalerStub(grpc.insecure_channel(target)).IsActive(ref(), timeout=10))
# After all of that the port still answers.
out["after"] = keda_grpc.ExternalScalerStub(channel("keda")).GetMetrics(
    keda.GetMetricsRequest(scaledObjectRef=ref(), metricName="queue_length"), timeout=10).metricValues[0].metricValueFloat
print(json.dumps(out, separators=(",", ":")))
