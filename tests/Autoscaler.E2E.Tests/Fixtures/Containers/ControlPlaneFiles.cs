using Autoscaler.E2E.Tests.Adapter;

namespace Autoscaler.E2E.Tests.Fixtures.Containers;

/// <summary>
/// The files a container control plane run needs under its state directory: certificates from
/// <c>tests/e2e/lib-pki.sh</c> (the same openssl recipe the netns script uses: cluster CA, serving
/// certificate with IP SANs 127.0.0.1, 10.96.0.1 and the service address, admin/controller-manager/user client
/// certificates, front-proxy CA and client, service-account key pair) and one kubeconfig per identity.
/// </summary>
internal static class ControlPlaneFiles
{
    /// <summary>Generates <c>{state}/pki</c> and the kubeconfigs; deletes what an earlier run left there first.</summary>
    /// <param name="state">State directory (absolute).</param>
    /// <param name="serviceAddress">The non-loopback address Endpoints may hold (a SAN of the serving certificate).</param>
    /// <param name="apiPort">Port of the main API server.</param>
    /// <param name="throttledPort">Port of the API server that admits one read at a time.</param>
    /// <returns>A task that completes when every file is written.</returns>
    public static async Task WriteAsync(string state, string serviceAddress, int apiPort, int throttledPort)
    {
        var pki = Path.Combine(state, "pki");
        if (Directory.Exists(pki))
        {
            Directory.Delete(pki, recursive: true);
        }

        Directory.CreateDirectory(pki);
        var script = RepositoryPaths.Of("tests", "e2e", "lib-pki.sh");
        var (code, _, stderr) = await ExternalProcess.RunAsync(
            "bash", ["-c", "set -e; PKI=$1 SERVICE_ADDRESS=$2; source \"$3\"; generate_pki", "generate_pki", pki, serviceAddress, script],
            TimeSpan.FromSeconds(120));
        if (code != 0)
        {
            throw new InvalidOperationException($"{script} generate_pki failed with exit code {code}: {stderr}");
        }

        WriteKubeconfig(state, "admin", apiPort, "admin");
        WriteKubeconfig(state, "controller-manager", apiPort, "controller-manager");
        WriteKubeconfig(state, "user", apiPort, "user");
        WriteKubeconfig(state, "throttled", throttledPort, "user");
    }

    private static void WriteKubeconfig(string state, string name, int port, string identity)
    {
        var pki = Path.Combine(state, "pki");
        File.WriteAllText(Path.Combine(state, $"{name}.kubeconfig"), $"""
            apiVersion: v1
            kind: Config
            current-context: autoscaler-e2e
            clusters:
            - name: autoscaler-e2e
              cluster:
                server: https://127.0.0.1:{port}
                certificate-authority: {pki}/ca.crt
            users:
            - name: {identity}
              user:
                client-certificate: {pki}/{identity}.crt
                client-key: {pki}/{identity}.key
            contexts:
            - name: autoscaler-e2e
              context: {"{"}cluster: autoscaler-e2e, user: {identity}, namespace: default{"}"}

            """);
    }
}
