namespace Autoscaler.E2E.Tests.Fixtures;

/// <summary>
/// The values of a running control plane (<see cref="Containers.ContainerControlPlane"/>): kubeconfigs, the
/// network namespace, the service address, the CA files and the controller-manager's HPA flags
/// (<c>AUTOSCALER_E2E_HPA_*</c>), by variable name; also written to <c>$AUTOSCALER_E2E_STATE/env</c>.
/// </summary>
public sealed class ControlPlaneEnvironment
{
    private readonly IReadOnlyDictionary<string, string> _values;

    private ControlPlaneEnvironment(IReadOnlyDictionary<string, string> values) => _values = values;

    /// <summary>Admin kubeconfig (client certificate in group system:masters).</summary>
    public string Kubeconfig => this["KUBECONFIG"];

    /// <summary>Name of the private network namespace everything runs in.</summary>
    public string NetworkNamespace => this["AUTOSCALER_E2E_NETNS"];

    /// <summary>Address (on lo inside the namespace) for services the API server must reach, such as the adapter: 10.123.0.1.</summary>
    public string ServiceAddress => this["AUTOSCALER_E2E_SERVICE_ADDRESS"];

    /// <summary>The cluster CA certificate (PEM), which also signs client certificates.</summary>
    public string CaFile => this["AUTOSCALER_E2E_CA"];

    /// <summary>The cluster CA key, for tests that issue their own serving or client certificates.</summary>
    public string CaKeyFile => this["AUTOSCALER_E2E_CA_KEY"];

    /// <summary>The front-proxy CA the aggregation layer's client certificate is signed by.</summary>
    public string FrontProxyCaFile => this["AUTOSCALER_E2E_FRONT_PROXY_CA"];

    /// <summary>The front-proxy client certificate (CN=front-proxy-client), to impersonate the aggregator in tests.</summary>
    public string FrontProxyClientCertFile => this["AUTOSCALER_E2E_FRONT_PROXY_CLIENT_CERT"];

    /// <summary>Key of the front-proxy client certificate.</summary>
    public string FrontProxyClientKeyFile => this["AUTOSCALER_E2E_FRONT_PROXY_CLIENT_KEY"];

    /// <summary>Kubeconfig of a plain user (CN=autoscaler-e2e-user, group autoscaler-e2e:users), subject to RBAC.</summary>
    public string UserKubeconfig => this["AUTOSCALER_E2E_USER_KUBECONFIG"];

    /// <summary>Kubeconfig of the plain user against the second API server that admits one read at a time.</summary>
    public string ThrottledKubeconfig => this["AUTOSCALER_E2E_THROTTLED_KUBECONFIG"];

    /// <summary>Any value by its variable name.</summary>
    /// <param name="name">Variable name.</param>
    public string this[string name] =>
        _values.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"control plane env has no {name}");

    /// <summary>The environment of a control plane the fixture started itself (<see cref="Containers.ContainerControlPlane"/>).</summary>
    /// <param name="values">Every variable by name.</param>
    /// <returns>The environment.</returns>
    public static ControlPlaneEnvironment From(IReadOnlyDictionary<string, string> values) => new(values);
}
