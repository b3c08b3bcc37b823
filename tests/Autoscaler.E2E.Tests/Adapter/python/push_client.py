"""Drives the adapter's gRPC push service with Debian's python3-grpcio (a client written outside this
project). Stubs are generated at test time by grpc_tools.protoc into STUBS_DIR. Prints one JSON object."""
import json
import sys

target, stubs = sys.argv[1], sys.argv[2]
sys.path.insert(0, stubs)

import grpc  # noqa: E402
from autoscaler.metrics.v1 import push_pb2, push_pb2_grpc  # noqa: E402
import health_v1_pb2  # noqa: E402
import health_v1_pb2_grpc  # noqa: E402
from externalscaler import externalscaler_pb2 as keda, externalscaler_pb2_grpc as keda_grpc  # noqa: E402

out = {}
channel = grpc.insecure_channel(target)
push = push_pb2_grpc.MetricsPushStub(channel)
health = health_v1_pb2_grpc.HealthStub(channel)


def batch(ns, *samples):
    request = push_pb2.PushRequest(namespace=ns)
    for name, value, ts, labels in samples:
        s = request.samples.add(name=name, value=value, timestamp_unix_ms=ts)
        for k, v in labels.items():
            s.labels[k] = v
    return request


def code_of(call):
    try:
        call()
        return "OK", ""
    except grpc.RpcError as e:
        return e.code().name, e.details()


now_ms = int(sys.argv[3])
out["push"] = push.Push(batch("shop", ("queue_length", 12, now_ms - 1000, {"queue": "orders"}),
                              ("queue_length", 17, now_ms, {"queue": "orders"})), timeout=10).accepted

def stream():
    for i in range(3):
        yield batch("shop", ("queue_length", 100 + i, now_ms, {"queue": f"stream-{i}"}))

out["stream"] = push.PushStream(stream(), timeout=10).accepted
out["health"] = health_v1_pb2.HealthCheckResponse.ServingStatus.Name(health.Check(health_v1_pb2.HealthCheckRequest(service=""), timeout=5).status)
out["health_push"] = health_v1_pb2.HealthCheckResponse.ServingStatus.Name(
    health.Check(health_v1_pb2.HealthCheckRequest(service="autoscaler.metrics.v1.MetricsPush"), timeout=5).status)
out["health_unknown"], _ = code_of(lambda: health.Check(health_v1_pb2.HealthCheckRequest(service="nope.Service"), timeout=5))
out["invalid"], out["invalid_detail"] = code_of(lambda: push.Push(batch("Bad_NS", ("q", float("nan"), 0, {})), timeout=5))
big = batch("shop", *[("big", 1.0, now_ms, {"k": "x" * 1000, "i": str(i)}) for i in range(5000)])
out["oversized"], _ = code_of(lambda: push.Push(big, timeout=10))
unknown = channel.unary_unary("/autoscaler.metrics.v1.MetricsPush/Nope",
                              request_serializer=lambda m: m.SerializeToString(),
                              response_deserializer=push_pb2.PushResponse.FromString)
out["unknown_method"], _ = code_of(lambda: unknown(push_pb2.PushRequest(), timeout=5))
# After every error the same connection still works.
out["push_after_errors"] = push.Push(batch("shop", ("after", 1, now_ms, {})), timeout=10).accepted
# KEDA's external scaler protocol on the same port, answered from the pushed samples.
scaler = keda_grpc.ExternalScalerStub(channel)
ref = keda.ScaledObjectRef(name="worker", namespace="shop")
ref.scalerMetadata.update({"metricName": "queue_length", "labelSelector": "queue=orders", "targetValue": "5"})
out["keda_spec_target"] = scaler.GetMetricSpec(ref, timeout=5).metricSpecs[0].targetSizeFloat
out["keda_value"] = scaler.GetMetrics(keda.GetMetricsRequest(scaledObjectRef=ref, metricName="queue_length"), timeout=5).metricValues[0].metricValueFloat
out["keda_active"] = scaler.IsActive(ref, timeout=5).result
print(json.dumps(out))
